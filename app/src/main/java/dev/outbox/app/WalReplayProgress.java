package dev.outbox.app;

import dev.outbox.relay.replay.ReplayRequest;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The progress of a replay served by the relay from the WAL, from the request's stored count: a
 * line per second ({@code done/total events, rate events/s}) while it runs, in the format of the
 * rows path's {@link ReplayProgress}. The total is the rows' count, an estimate here (the WAL may
 * also hold events whose rows are gone).
 */
final class WalReplayProgress implements Consumer<ReplayRequest> {

  private final long total;
  private final PrintStream out;
  private final long started = System.nanoTime();
  private long lastPrinted = System.nanoTime();
  private long lastEvents;
  private boolean waitingSaid;

  WalReplayProgress(long total, PrintStream out) {
    this.total = total;
    this.out = out;
  }

  @Override
  public void accept(ReplayRequest request) {
    if (!request.started() && !request.finished() && !waitingSaid) {
      out.println("replay request " + request.id() + " sent; waiting for the relay to rewind");
      waitingSaid = true;
    }
    long now = System.nanoTime();
    if (request.started() && !request.finished() && now - lastPrinted >= 1_000_000_000L) {
      double seconds = (now - lastPrinted) / 1e9;
      out.printf(
          Locale.ROOT,
          "replay: %d/%d events, %.0f events/s%n",
          request.events(),
          total,
          (request.events() - lastEvents) / seconds);
      lastPrinted = now;
      lastEvents = request.events();
    }
  }

  /** The overall rate, for the closing line. */
  String summary(ReplayRequest request) {
    double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
    return String.format(
        Locale.ROOT,
        "%d events in %.1f s (%.0f events/s)",
        request.events(),
        seconds,
        request.events() / seconds);
  }
}
