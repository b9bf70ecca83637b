package dev.outbox.relay.replay;

import dev.outbox.relay.model.Lsns;
import dev.outbox.relay.model.OutboxMessage;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * A replay from the rows: republishes every published event committed at or after a WAL position
 * (or created at or after a time), in WAL order, with the header {@code replayed=true}, while the
 * live relay keeps streaming (events not yet published are the live stream's, so nothing is lost or
 * reordered for them).
 *
 * <p>The events come from the retained outbox rows ({@code published_lsn} maps a position to rows).
 * This is the path for points the WAL no longer serves: PostgreSQL starts logical decoding at the
 * slot's confirmed_flush_lsn at the earliest, which trails the relay by CDC_REPLAY_WINDOW (points
 * within the window are replayed by the active relay from the WAL, see {@link WalReplay}), and
 * after the slot was invalidated or recreated. A point older than what the retention job deleted is
 * refused.
 */
final class RowsReplay {

  private static final int PAGE = 1_000;

  private final PublishedRows rows;
  private final Supplier<Republisher> republishers;

  RowsReplay(PublishedRows rows, Supplier<Republisher> republishers) {
    this.rows = rows;
    this.republishers = republishers;
  }

  /**
   * Republishes the events at or after {@code point}, passing the count so far to {@code progress}
   * after each page.
   *
   * @throws IllegalArgumentException when the point is older than what the retention deleted
   */
  ReplayResult replay(ReplayPoint point, LongConsumer progress)
      throws SQLException, InterruptedException {
    if (point.lsn() != null) {
      refuseBeforeRetention(point.lsn());
      String from = Lsns.format(point.lsn());
      return ReplayResult.fromRows(publish(point.lsn(), null, progress), from);
    }
    refuseBeforeRetention(point.time());
    return ReplayResult.fromRows(publish(0, point.time(), progress), point.time().toString());
  }

  private void refuseBeforeRetention(long lsn) throws SQLException {
    String horizon = rows.deletedThroughLsn();
    if (horizon != null && lsn <= Lsns.parse(horizon)) {
      throw new IllegalArgumentException(
          "cannot replay from "
              + Lsns.format(lsn)
              + ": outbox rows through "
              + horizon
              + " were deleted by the retention (OUTBOX_RETENTION)");
    }
  }

  private void refuseBeforeRetention(Instant time) throws SQLException {
    Instant horizon = rows.deletedThroughTime();
    if (horizon != null && !time.isAfter(horizon)) {
      throw new IllegalArgumentException(
          "cannot replay from "
              + time
              + ": outbox rows up to "
              + horizon
              + " were deleted by the retention (OUTBOX_RETENTION)");
    }
  }

  private long publish(long fromLsn, Instant fromTime, LongConsumer progress)
      throws SQLException, InterruptedException {
    long sent = 0;
    try (Republisher republisher = republishers.get()) {
      PublishedRows.Cursor cursor = rows.start(fromLsn, fromTime);
      for (List<OutboxMessage> page = rows.next(cursor, PAGE);
          !page.isEmpty();
          page = rows.next(cursor, PAGE)) {
        sent += republisher.publish(page);
        progress.accept(sent);
      }
    }
    return sent;
  }
}
