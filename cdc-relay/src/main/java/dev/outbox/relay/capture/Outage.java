package dev.outbox.relay.capture;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs an outage of a dependency once when it starts and once when it ends, never per attempt.
 * Thread-safe: the database's ({@link DatabaseRetry}) is shared by the engine's thread and {@link
 * PublishedMarker}'s.
 */
final class Outage {

  private static final Logger log = LoggerFactory.getLogger(Outage.class);

  private final String what;
  private Instant since;
  private int attempts;

  Outage(String what) {
    this.what = what;
  }

  /** Counts a failed attempt; true when it starts a new outage. */
  synchronized boolean failed(Exception cause) {
    attempts++;
    if (since == null) {
      since = Instant.now();
      log.warn(
          "{} unavailable, retrying with backoff until it is back: {}", what, cause.toString());
      return true;
    }
    return false;
  }

  synchronized void succeeded() {
    if (since != null) {
      log.info(
          "{} is back after {} ms and {} attempts; delivery resumes",
          what,
          Duration.between(since, Instant.now()).toMillis(),
          attempts);
      since = null;
    }
    attempts = 0;
  }

  synchronized int attempts() {
    return attempts;
  }
}
