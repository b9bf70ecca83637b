package dev.outbox.relay.capture;

import dev.outbox.config.Outage;
import dev.outbox.relay.metrics.RelayMetrics;
import java.sql.SQLException;

/**
 * Runs the chain's database calls until the database answers: backoff between attempts, the outage
 * logged once when it starts and once when it ends, and counted in {@code
 * relay_outages_total{dependency="postgresql"}}. One per capture, shared by the engine's thread
 * (failed attempts, a replay's bookkeeping) and the marker's (marks): {@link Outage} is
 * thread-safe.
 */
final class DatabaseRetry {

  private final Outage outage = new Outage("PostgreSQL (outbox_events updates)");
  private final RelayMetrics metrics;
  private final Stopper stopper;

  DatabaseRetry(RelayMetrics metrics, Stopper stopper) {
    this.metrics = metrics;
    this.stopper = stopper;
  }

  /**
   * The result of {@code call}, tried until the database answers.
   *
   * @throws InterruptedException when the relay stops first
   */
  <T> T call(SqlCall<T> call) throws InterruptedException {
    while (true) {
      try {
        T result = call.run();
        outage.succeeded();
        return result;
      } catch (SQLException e) {
        if (outage.failed(e)) {
          metrics.outage("postgresql");
        }
        stopper.backOff(outage.attempts());
      }
    }
  }

  /** Runs {@code action} until the database answers; throws when the relay stops first. */
  void run(SqlAction action) throws InterruptedException {
    call(
        () -> {
          action.run();
          return null;
        });
  }

  @FunctionalInterface
  interface SqlCall<T> {
    T run() throws SQLException;
  }

  @FunctionalInterface
  interface SqlAction {
    void run() throws SQLException;
  }
}
