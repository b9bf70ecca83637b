package dev.outbox.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * A progress line per second while a replay runs ({@code done/total events, rate events/s}). The
 * relay's replay counts confirmed events in its {@code relay.events.published} counter; the total
 * is counted up front with the replay's own criteria (published rows at or after the point).
 */
final class ReplayProgress implements AutoCloseable {

  private static final String TOTAL =
      "select count(*) from outbox_events where published_at is not null"
          + " and published_lsn is not null and published_lsn >= ?::pg_lsn"
          + " and (?::timestamptz is null or created_at >= ?::timestamptz)";

  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "replay-progress"));
  private final Counter published;
  private final long total;
  private final PrintStream out;
  private final long started = System.nanoTime();
  private double last;

  private ReplayProgress(Counter published, long total, PrintStream out) {
    this.published = published;
    this.total = total;
    this.out = out;
  }

  static long total(DataSource dataSource, String fromLsn, Instant fromTime) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(TOTAL)) {
      Timestamp time = fromTime == null ? null : Timestamp.from(fromTime);
      s.setString(1, fromLsn);
      s.setTimestamp(2, time);
      s.setTimestamp(3, time);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static ReplayProgress start(MeterRegistry registry, long total, PrintStream out) {
    ReplayProgress progress =
        new ReplayProgress(registry.find("relay.events.published").counter(), total, out);
    progress.ticker.scheduleAtFixedRate(progress::print, 1, 1, TimeUnit.SECONDS);
    return progress;
  }

  private void print() {
    double done = published == null ? 0 : published.count();
    out.printf(Locale.ROOT, "replay: %.0f/%d events, %.0f events/s%n", done, total, done - last);
    last = done;
  }

  /** The overall rate, for the closing line. */
  String summary() {
    double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
    double done = published == null ? 0 : published.count();
    return String.format(
        Locale.ROOT, "%.0f events in %.1f s (%.0f events/s)", done, seconds, done / seconds);
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
