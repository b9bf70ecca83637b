package dev.outbox.bench.load;

import java.time.Instant;

/**
 * The one clock every latency is read against: the machine's wall clock, the same one PostgreSQL's
 * clock_timestamp() reads, in microseconds since the epoch.
 */
public final class Clocks {

  private Clocks() {}

  public static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }
}
