package dev.outbox.relay.status;

import dev.outbox.relay.model.Lsns;
import dev.outbox.relay.model.SlotLoss;
import dev.outbox.relay.standby.LeaderLock;
import dev.outbox.relay.store.SlotLosses;
import dev.outbox.relay.store.StoredOffsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads {@link RelayStatus} from the database alone (slot, offsets table, advisory locks, outbox,
 * recorded slot losses), so the {@code status} command needs no running relay in its process. (The
 * api's /admin/relay answers from a query of its own: the api does not depend on the relay.)
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
      Optional<StoredOffsets.Stored> stored = StoredOffsets.read(c, slot);
      Slot s = slot(c, slot, stored.map(StoredOffsets.Stored::position).orElse(null));
      long[] backlog = backlog(c);
      return new RelayStatus(
          slot,
          stored.map(p -> Lsns.format(p.position())).orElse(null),
          s.exists,
          s.confirmed,
          s.restart,
          s.walStatus,
          s.lag,
          s.retained,
          LeaderLock.isHeldByAnyone(c, slot),
          backlog[0],
          backlog[1],
          Duration.ofMillis(backlog[2]),
          SlotLosses.last(c, slot).orElse(null));
    } catch (SQLException e) {
      throw new IllegalStateException("reading the relay status failed", e);
    }
  }

  /**
   * The newest slot loss recorded for {@code slot} (what /ready and alerts need without the rest):
   * empty when none was ever found.
   *
   * @throws IllegalStateException when the database cannot be read
   */
  public Optional<SlotLoss> lastSlotLoss(String slot) {
    try (Connection c = dataSource.getConnection()) {
      return SlotLosses.last(c, slot);
    } catch (SQLException e) {
      throw new IllegalStateException("reading the slot losses failed", e);
    }
  }

  private record Slot(
      boolean exists,
      String confirmed,
      String restart,
      String walStatus,
      long lag,
      long retained) {}

  // The lag is measured from the stored position, where a restart resumes: the slot's
  // confirmed_flush_lsn trails it on purpose by CDC_REPLAY_WINDOW.
  private static Slot slot(Connection c, String slot, Long stored) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT confirmed_flush_lsn::text, restart_lsn::text, wal_status,"
                + " COALESCE(pg_wal_lsn_diff(pg_current_wal_lsn(),"
                + " COALESCE(?::pg_lsn, confirmed_flush_lsn)), 0),"
                + " COALESCE(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn), 0)"
                + " FROM pg_replication_slots WHERE slot_name = ?")) {
      ps.setString(1, stored == null ? null : Lsns.format(stored));
      ps.setString(2, slot);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return new Slot(false, null, null, null, 0, 0);
        }
        return new Slot(
            true, rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5));
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
