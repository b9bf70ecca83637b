package dev.outbox.app;

import dev.outbox.relay.model.Lsns;
import dev.outbox.relay.replay.ReplayListener;
import dev.outbox.relay.replay.ReplayPoint;
import dev.outbox.relay.replay.ReplayRequest;
import dev.outbox.relay.replay.ReplayResult;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@code replay} prints while the relay's replay service runs: the count, the path taken and
 * why, then a progress line per second ({@code done/total events, rate events/s}): from the
 * request's stored count while the relay reads the WAL, from the confirmed count while the rows are
 * read. The total is the rows' count, an estimate for the WAL (it may also hold events whose rows
 * are gone).
 */
final class ReplayOutput implements ReplayListener, AutoCloseable {

  private final PrintStream out;
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "replay-progress"));
  private final AtomicLong rowsDone = new AtomicLong();
  private long total;
  private long started = System.nanoTime();
  private long lastPrinted;
  private long lastEvents;
  private boolean waitingSaid;

  ReplayOutput(PrintStream out) {
    this.out = out;
  }

  @Override
  public void counted(ReplayPoint point, long total) {
    this.total = total;
    out.println("replay from " + point + ": " + total + " published events to republish");
  }

  @Override
  public void fromWal(String slot, long fromLsn) {
    out.println(
        "path: WAL (slot "
            + slot
            + " still holds "
            + Lsns.format(fromLsn)
            + "; the active relay re-reads it)");
    started = System.nanoTime();
    lastPrinted = started;
  }

  @Override
  public void walProgress(ReplayRequest request) {
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

  @Override
  public void walRefused(String reason) {
    out.println("the relay did not read the WAL: " + reason);
  }

  @Override
  public void fromRows(String whyNotWal) {
    out.println("path: outbox rows (not from the WAL: " + whyNotWal + ")");
    started = System.nanoTime();
    lastEvents = 0;
    ticker.scheduleAtFixedRate(this::printRows, 1, 1, TimeUnit.SECONDS);
  }

  @Override
  public void rowsProgress(long events) {
    rowsDone.set(events);
  }

  private void printRows() {
    long done = rowsDone.get();
    out.printf(Locale.ROOT, "replay: %d/%d events, %d events/s%n", done, total, done - lastEvents);
    lastEvents = done;
  }

  /** The closing line: the result and the overall rate of the path that served it. */
  String closing(ReplayResult result) {
    double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
    return result.toText()
        + "; "
        + String.format(
            Locale.ROOT,
            "%d events in %.1f s (%.0f events/s)",
            result.events(),
            seconds,
            result.events() / seconds);
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
