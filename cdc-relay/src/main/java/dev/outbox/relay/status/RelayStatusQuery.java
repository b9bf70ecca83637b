package dev.outbox.relay.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outbox.json.Json;
import dev.outbox.relay.model.Lsns;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Reads {@link RelayStatus} from the database alone (slot, offsets table, advisory locks, outbox),
 * so the {@code status} command and /admin need no running relay in their process.
 */
public final class RelayStatusQuery {

  private final DataSource dataSource;

  public RelayStatusQuery(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The status of the relay on {@code slot}.
   *
   * @throws IllegalStateException when the database cannot be read
   */
  public RelayStatus forSlot(String slot) {
    try (Connection c = dataSource.getConnection()) {
      Slot s = slot(c, slot);
      long[] backlog = backlog(c);
      return new RelayStatus(
          slot,
          storedPosition(c, slot),
          s.exists,
          s.confirmed,
          s.restart,
          s.walStatus,
          s.lag,
          s.retained,
          lockHeld(c, slot),
          backlog[0],
          backlog[1],
          Duration.ofMillis(backlog[2]));
    } catch (SQLException e) {
      throw new IllegalStateException("reading the relay status failed", e);
    }
  }

  private record Slot(
      boolean exists,
      String confirmed,
      String restart,
      String walStatus,
      long lag,
      long retained) {}

  private static Slot slot(Connection c, String slot) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT confirmed_flush_lsn::text, restart_lsn::text, wal_status,"
                + " COALESCE(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn), 0),"
                + " COALESCE(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn), 0)"
                + " FROM pg_replication_slots WHERE slot_name = ?")) {
      ps.setString(1, slot);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return new Slot(false, null, null, null, 0, 0);
        }
        return new Slot(
            true, rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5));
      }
    }
  }

  private static String storedPosition(Connection c, String slot) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT offset_key, offset_value FROM relay_offsets")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          JsonNode key = Json.mapper().readTree(rs.getString(1));
          if (key.isArray() && slot.equals(key.get(0).asText())) {
            JsonNode value = Json.mapper().readTree(rs.getString(2));
            JsonNode lsn = value.has("lsn_commit") ? value.get("lsn_commit") : value.get("lsn");
            return lsn == null ? null : Lsns.format(lsn.asLong());
          }
        }
        return null;
      }
    } catch (IOException e) {
      throw new IllegalStateException("relay_offsets holds a value that is not JSON", e);
    }
  }

  private static boolean lockHeld(Connection c, String slot) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                + " AND objsubid = 1 AND database = (SELECT oid FROM pg_database"
                + " WHERE datname = current_database())"
                + " AND ((classid::bigint << 32) | objid::bigint)"
                + " = hashtextextended('outbox-relay:' || ?, 0)")) {
      ps.setString(1, slot);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getLong(1) > 0;
      }
    }
  }

  private static long[] backlog(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FILTER (WHERE parked_at IS NULL),"
                    + " count(*) FILTER (WHERE parked_at IS NOT NULL),"
                    + " COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)"
                    + " FILTER (WHERE parked_at IS NULL)) * 1000, 0)::bigint"
                    + " FROM outbox_events WHERE published_at IS NULL");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
    }
  }
}
