package dev.outbox.config;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs an outage of a dependency once when it starts (WARN) and once when it ends (INFO), never per
 * attempt, whoever notices it: the relay's publisher and its idle broker watch share one, so do the
 * AMQP client's connection listeners ({@link AmqpConnections}). Thread-safe.
 */
public final class Outage {

  private static final Logger log = LoggerFactory.getLogger(Outage.class);

  private final String what;
  private Instant since;
  private int attempts;

  /** {@code what} names the dependency in the two lines, e.g. "RabbitMQ (relay)". */
  public Outage(String what) {
    this.what = what;
  }

  /** Counts a failed attempt; true when it starts a new outage (then logged). */
  public synchronized boolean failed(Object cause) {
    attempts++;
    if (since == null) {
      since = Instant.now();
      log.warn("{} unavailable, retrying until it is back: {}", what, cause);
      return true;
    }
    return false;
  }

  /** Ends the outage, if there is one, with the INFO line. */
  public void succeeded() {
    succeeded(null);
  }

  /**
   * Ends the outage, if there is one; {@code problem} (null for none) is something the recovery
   * left wrong, which makes the one line a WARN that says so.
   */
  public synchronized void succeeded(String problem) {
    if (since != null) {
      long millis = Duration.between(since, Instant.now()).toMillis();
      if (problem == null) {
        log.info("{} is back after {} ms and {} attempts", what, millis, attempts);
      } else {
        log.warn("{} is back after {} ms and {} attempts; {}", what, millis, attempts, problem);
      }
      since = null;
    }
    attempts = 0;
  }

  /** Failed attempts since the last success. */
  public synchronized int attempts() {
    return attempts;
  }

  /** Whether an outage is going on (failed since the last success). */
  public synchronized boolean isOngoing() {
    return since != null;
  }
}
