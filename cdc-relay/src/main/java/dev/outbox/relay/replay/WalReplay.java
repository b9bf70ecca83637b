package dev.outbox.relay.replay;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A replay from the WAL, the command's side: submits the request to the slot's active relay (which
 * rewinds, {@link WalRewind}, and re-reads, {@link WalReplayRun}) and watches it until the relay
 * finished it. A request that no relay starts within {@link #PICKUP} is withdrawn (it is then
 * {@link ReplayRequest#refused() refused}, like one the relay refuses, and the rows can serve it),
 * so a relay starting much later does not rewind for a command long gone.
 */
final class WalReplay {

  /** How long the active relay may take to stop its engine and rewind (it polls every 500 ms). */
  static final Duration PICKUP = Duration.ofSeconds(60);

  private static final Duration POLL = Duration.ofMillis(200);

  private final ReplayRequests requests;

  WalReplay(ReplayRequests requests) {
    this.requests = requests;
  }

  /**
   * Asks the active relay of {@code slot} to replay from {@code fromLsn} and waits for the outcome,
   * passing each state seen to {@code progress}.
   *
   * @return the request as it stood at the end: finished (with or without an error) or, after
   *     {@code timeout}, still running
   */
  ReplayRequest replay(
      String slot, long fromLsn, Duration timeout, Consumer<ReplayRequest> progress)
      throws SQLException, InterruptedException {
    ReplayRequest request = requests.submit(slot, fromLsn);
    long start = System.nanoTime();
    while (true) {
      progress.accept(request);
      if (request.finished()) {
        return request;
      }
      Duration waited = Duration.ofNanos(System.nanoTime() - start);
      if (!request.started() && waited.compareTo(PICKUP) > 0) {
        requests.withdraw(
            request.id(), "no relay started it within " + PICKUP.toSeconds() + " s; withdrawn");
        return reread(request);
      }
      if (waited.compareTo(timeout) > 0) {
        return request;
      }
      Thread.sleep(POLL.toMillis());
      request = reread(request);
    }
  }

  private ReplayRequest reread(ReplayRequest request) throws SQLException {
    return requests.find(request.id()).orElseThrow(() -> new SQLException("request vanished"));
  }
}
