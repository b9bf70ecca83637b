package dev.outbox.relay.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The relay's replication slot itself: whether it exists and can still be streamed, dropping it.
 */
public final class ReplicationSlots {

  /** SQLSTATE object_in_use: pg_drop_replication_slot of a slot a walsender still holds. */
  private static final String OBJECT_IN_USE = "55006";

  private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private ReplicationSlots() {}

  /** Whether {@code slot} exists on the server. */
  public static boolean exists(Connection c, String slot) throws SQLException {
    return activePid(c, slot) != null;
  }

  /**
   * Whether {@code slot} exists with {@code wal_status = lost}: invalidated, because the server
   * removed WAL it still needed ({@code max_slot_wal_keep_size}). Such a slot can never be streamed
   * again; it can only be dropped.
   */
  public static boolean isLost(Connection c, String slot) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT wal_status = 'lost' FROM pg_replication_slots WHERE slot_name = ?")) {
      ps.setString(1, slot);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /**
   * Drops {@code slot}, waiting up to {@code wait} for a walsender that still holds it to let go (a
   * killed relay's walsender ends once the server sees the connection gone). A missing slot is not
   * an error.
   *
   * @throws SQLException when the slot is still held after {@code wait}, or the drop failed
   */
  public static void drop(Connection c, String slot, Duration wait) throws SQLException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      Long pid = activePid(c, slot);
      if (pid == null) {
        return;
      }
      if (pid == 0) {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
          ps.setString(1, slot);
          ps.execute();
          return;
        } catch (SQLException e) {
          if (!OBJECT_IN_USE.equals(e.getSQLState())) {
            throw e;
          }
          // taken again between the look and the drop: look again
        }
      }
      if (System.nanoTime() > deadline) {
        throw new SQLException(
            "replication slot " + slot + " is still in use by process " + pid + " after " + wait,
            OBJECT_IN_USE);
      }
      LockSupport.parkNanos(RETRY_NANOS);
    }
  }

  // null: no such slot; 0: nobody holds it.
  private static Long activePid(Connection c, String slot) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COALESCE(active_pid, 0) FROM pg_replication_slots WHERE slot_name = ?")) {
      ps.setString(1, slot);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }
}
