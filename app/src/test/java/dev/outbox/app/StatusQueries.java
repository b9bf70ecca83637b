package dev.outbox.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What {@code status} reads from PostgreSQL: the relay's slot, whether a relay holds the slot's
 * advisory lock (the key is the relay's: {@code hashtextextended('outbox-relay:' || slot, 0)}), and
 * the outbox backlog.
 */
final class StatusQueries {

  /** The slot as PostgreSQL sees it; {@code exists} false before a relay first created it. */
  record Slot(
      boolean exists,
      boolean streaming,
      String walStatus,
      String confirmedLsn,
      String currentLsn,
      long lagBytes,
      long retainedBytes) {}

  /** Pending: neither published nor parked; parked: given up on after OUTBOX_MAX_RETRIES. */
  record Backlog(long pending, long parked, Double oldestPendingSeconds) {}

  private static final String SLOT =
      "select active, wal_status, confirmed_flush_lsn::text, pg_current_wal_lsn()::text,"
          + " coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn), 0)::bigint,"
          + " coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn), 0)::bigint"
          + " from pg_replication_slots where slot_name = ?";

  private static final String LOCK =
      "select exists (select 1 from pg_locks where locktype = 'advisory' and granted"
          + " and objsubid = 1 and ((classid::bigint << 32) | objid::bigint)"
          + " = hashtextextended('outbox-relay:' || ?, 0))";

  private static final String BACKLOG =
      "select count(*) filter (where parked_at is null),"
          + " (select count(*) from outbox_events where parked_at is not null"
          + " and published_at is null),"
          + " extract(epoch from now() - min(created_at) filter (where parked_at is null))"
          + " from outbox_events where published_at is null";

  private final String url;
  private final String user;
  private final String password;

  StatusQueries(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  Slot slot(String slotName) throws SQLException {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement(SLOT)) {
      s.setString(1, slotName);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return new Slot(false, false, null, null, null, 0, 0);
        }
        return new Slot(
            true,
            rs.getBoolean(1),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getLong(5),
            rs.getLong(6));
      }
    }
  }

  boolean lockHeld(String slotName) throws SQLException {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement(LOCK)) {
      s.setString(1, slotName);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  Backlog backlog() throws SQLException {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement(BACKLOG);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      double age = rs.getDouble(3);
      Double oldest = rs.wasNull() ? null : Math.max(0, age);
      return new Backlog(rs.getLong(1), rs.getLong(2), oldest);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }
}
