package dev.outbox.relay.replay;

import dev.outbox.relay.model.Lsns;
import dev.outbox.relay.model.OutboxMessage;
import dev.outbox.relay.store.RowMessages;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The published outbox rows a replay reads: how many lie at or after a point, the pages in WAL
 * order, and how far the retention deleted them.
 */
final class PublishedRows {

  /** Where the next page starts: after (lsn, created_at, id), keyset pagination. */
  static final class Cursor {
    long lsn;
    Instant createdAt;
    UUID id;
    final Instant fromTime;

    Cursor(long lsn, Instant fromTime) {
      this.lsn = lsn;
      this.fromTime = fromTime;
    }
  }

  private final DataSource dataSource;

  PublishedRows(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * How many published events lie at or after {@code point}: what a replay republishes (from the
   * WAL an estimate, as the WAL may also hold events whose rows are gone).
   */
  long count(ReplayPoint point) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM outbox_events WHERE published_at IS NOT NULL"
                    + " AND published_lsn IS NOT NULL AND published_lsn >= ?::pg_lsn"
                    + " AND (?::timestamptz IS NULL OR created_at >= ?::timestamptz)")) {
      Timestamp time = point.time() == null ? null : Timestamp.from(point.time());
      ps.setString(1, Lsns.format(point.lsn() == null ? 0 : point.lsn()));
      ps.setTimestamp(2, time);
      ps.setTimestamp(3, time);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  Cursor start(long fromLsn, Instant fromTime) {
    return new Cursor(fromLsn, fromTime);
  }

  List<OutboxMessage> next(Cursor cursor, int limit) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + RowMessages.COLUMNS
                    + " FROM outbox_events"
                    + " WHERE published_at IS NOT NULL AND published_lsn IS NOT NULL"
                    + " AND (?::timestamptz IS NULL OR created_at >= ?::timestamptz)"
                    + " AND (published_lsn, created_at, id) > (?::pg_lsn, ?::timestamptz, ?::uuid)"
                    + " ORDER BY published_lsn, created_at, id LIMIT ?")) {
      Timestamp from = cursor.fromTime == null ? null : Timestamp.from(cursor.fromTime);
      ps.setTimestamp(1, from);
      ps.setTimestamp(2, from);
      // The first page starts at the position itself: just before it in the key order.
      ps.setString(3, Lsns.format(cursor.lsn));
      ps.setTimestamp(
          4, Timestamp.from(cursor.createdAt == null ? Instant.EPOCH : cursor.createdAt));
      ps.setObject(5, cursor.id == null ? new UUID(0, 0) : cursor.id);
      ps.setInt(6, limit);
      List<OutboxMessage> page = RowMessages.read(ps, true);
      if (!page.isEmpty()) {
        OutboxMessage last = page.get(page.size() - 1);
        cursor.lsn = last.lsn();
        cursor.createdAt = last.occurredAt();
        cursor.id = last.id();
      }
      return page;
    }
  }

  String deletedThroughLsn() throws SQLException {
    return horizon("deleted_through_lsn::text");
  }

  Instant deletedThroughTime() throws SQLException {
    String t =
        horizon(
            "to_char(deleted_through_time AT TIME ZONE 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')");
    return t == null ? null : Instant.parse(t);
  }

  private String horizon(String column) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT " + column + " FROM relay_retention_horizon WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
