package dev.outbox.api.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The two reads behind the admin routes, in plain SQL. */
final class AdminQueries {

  /** Parked events were given up on by the relay; pending ones still wait to be published. */
  private static final String BACKLOG =
      "select count(*) filter (where parked_at is null) as pending,"
          + " (select count(*) from outbox_events where parked_at is not null) as parked,"
          + " extract(epoch from now() - min(created_at) filter (where parked_at is null))"
          + " as oldest_pending_age_seconds"
          + " from outbox_events where published_at is null";

  private static final String SLOT =
      "select slot_name, active, wal_status, restart_lsn::text, confirmed_flush_lsn::text,"
          + " pg_current_wal_lsn()::text as current_lsn,"
          + " pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::bigint as lag_bytes,"
          + " pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint as retained_wal_bytes"
          + " from pg_replication_slots where slot_name = ?";

  private final DataSource dataSource;
  private final String slotName;

  AdminQueries(DataSource dataSource, String slotName) {
    this.dataSource = dataSource;
    this.slotName = slotName;
  }

  OutboxBacklog outboxBacklog() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(BACKLOG);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      double age = rs.getDouble("oldest_pending_age_seconds");
      Double oldest = rs.wasNull() ? null : Math.max(0, age);
      return new OutboxBacklog(rs.getLong("pending"), rs.getLong("parked"), oldest);
    }
  }

  RelaySlot relaySlot() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(SLOT)) {
      s.setString(1, slotName);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return RelaySlot.missing(slotName);
        }
        return new RelaySlot(
            slotName,
            true,
            rs.getBoolean("active"),
            rs.getString("wal_status"),
            rs.getString("restart_lsn"),
            rs.getString("confirmed_flush_lsn"),
            rs.getString("current_lsn"),
            nullableLong(rs, "lag_bytes"),
            nullableLong(rs, "retained_wal_bytes"));
      }
    }
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
