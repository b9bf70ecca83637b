package dev.outbox.relay.replay;

import dev.outbox.relay.model.Lsns;
import java.time.Instant;

/**
 * Where a replay starts: a WAL position (events committed at or after it) or a time (events created
 * at or after it). Exactly one of the two is set.
 *
 * @param lsn the WAL position, or null
 * @param time the time, or null
 */
public record ReplayPoint(Long lsn, Instant time) {

  public ReplayPoint {
    if ((lsn == null) == (time == null)) {
      throw new IllegalArgumentException("a replay starts at a WAL position or at a time");
    }
  }

  public static ReplayPoint lsn(long lsn) {
    return new ReplayPoint(lsn, null);
  }

  public static ReplayPoint time(Instant time) {
    return new ReplayPoint(null, time);
  }

  /** As the {@code replay} command shows it: {@code LSN 0/16B3748} or {@code time 2026-...Z}. */
  @Override
  public String toString() {
    return lsn != null ? "LSN " + Lsns.format(lsn) : "time " + time;
  }
}
