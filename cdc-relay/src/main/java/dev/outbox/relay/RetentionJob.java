package dev.outbox.relay;

import dev.outbox.relay.store.Retention;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention job, run every minute: the active relay deletes published outbox rows older than
 * OUTBOX_RETENTION ({@link Retention}). Standbys skip it, so they add no load; a failure waits for
 * the next round.
 */
final class RetentionJob implements Runnable {

  /** Rows deleted per transaction: short transactions, no long locks. */
  static final int BATCH = 500;

  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

  private final Retention retention;
  private final Duration keep;
  private final BooleanSupplier active;

  RetentionJob(Retention retention, Duration keep, BooleanSupplier active) {
    this.retention = retention;
    this.keep = keep;
    this.active = active;
  }

  @Override
  public void run() {
    if (!active.getAsBoolean()) {
      return;
    }
    try {
      long deleted = retention.run();
      if (deleted > 0) {
        log.info("retention deleted {} published outbox rows older than {}", deleted, keep);
      }
    } catch (SQLException e) {
      log.warn("retention failed, retrying in a minute: {}", e.getMessage());
    }
  }
}
