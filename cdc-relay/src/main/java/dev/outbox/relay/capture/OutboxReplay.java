package dev.outbox.relay.capture;

import dev.outbox.relay.config.RelayConfig;
import dev.outbox.relay.metrics.RelayMetrics;
import dev.outbox.relay.model.Lsns;
import dev.outbox.relay.model.OutboxMessage;
import dev.outbox.relay.publish.MessagePublisher;
import dev.outbox.relay.store.OutboxRows;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Republishes every published event committed at or after a WAL position (or a time), in WAL order,
 * with the header {@code replayed=true}, while the live relay keeps streaming (events not yet
 * published are the live stream's, so nothing is lost or reordered for them).
 *
 * <p>The events come from the retained outbox rows ({@code published_lsn} maps a position to rows).
 * This is the path for points the WAL no longer serves: PostgreSQL starts logical decoding at the
 * slot's confirmed_flush_lsn at the earliest, which trails the relay by CDC_REPLAY_WINDOW (points
 * within the window are replayed by the active relay from the WAL, see {@code
 * dev.outbox.relay.replay}), and after the slot was invalidated or recreated. A point older than
 * what the retention job deleted is refused.
 */
public final class OutboxReplay {

  private static final int PAGE = 1_000;

  private final RelayConfig config;
  private final DataSource dataSource;
  private final RelayMetrics metrics;

  public OutboxReplay(RelayConfig config, DataSource dataSource, RelayMetrics metrics) {
    this.config = config;
    this.dataSource = dataSource;
    this.metrics = metrics;
  }

  /**
   * Republishes the events at or after {@code lsn} (PostgreSQL text form).
   *
   * @throws IllegalArgumentException when the position is malformed or older than the retention
   */
  public ReplayResult fromLsn(String lsn) throws InterruptedException {
    long position = Lsns.parse(lsn);
    ReplayRows rows = new ReplayRows(dataSource);
    try {
      String horizon = rows.deletedThroughLsn();
      if (horizon != null && position <= Lsns.parse(horizon)) {
        throw new IllegalArgumentException(
            "cannot replay from "
                + lsn
                + ": outbox rows through "
                + horizon
                + " were deleted by the retention (OUTBOX_RETENTION)");
      }
      return ReplayResult.fromRows(publish(rows, position, null), lsn);
    } catch (SQLException e) {
      throw new IllegalStateException("reading outbox rows for the replay failed", e);
    }
  }

  /**
   * Republishes the events created at or after {@code time}.
   *
   * @throws IllegalArgumentException when the time is older than the retention
   */
  public ReplayResult fromTime(Instant time) throws InterruptedException {
    ReplayRows rows = new ReplayRows(dataSource);
    try {
      Instant horizon = rows.deletedThroughTime();
      if (horizon != null && !time.isAfter(horizon)) {
        throw new IllegalArgumentException(
            "cannot replay from "
                + time
                + ": outbox rows up to "
                + horizon
                + " were deleted by the retention (OUTBOX_RETENTION)");
      }
      return ReplayResult.fromRows(publish(rows, 0, time), time.toString());
    } catch (SQLException e) {
      throw new IllegalStateException("reading outbox rows for the replay failed", e);
    }
  }

  private long publish(ReplayRows rows, long fromLsn, Instant fromTime)
      throws SQLException, InterruptedException {
    long sent = 0;
    try (MessagePublisher publisher = Publishers.rabbitMq(config)) {
      BatchDelivery delivery =
          new BatchDelivery(
              publisher, new OutboxRows(dataSource), metrics, config.maxRetries(), new Stopper());
      ReplayRows.Cursor cursor = rows.start(fromLsn, fromTime);
      for (List<OutboxMessage> page = rows.next(cursor, PAGE);
          !page.isEmpty();
          page = rows.next(cursor, PAGE)) {
        sent += delivery.deliver(page).size();
      }
    }
    return sent;
  }
}
