package dev.outbox.relay.replay;

import dev.outbox.relay.model.Lsns;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What decides whether the WAL can serve a replay: the slot's confirmed_flush_lsn (PostgreSQL never
 * decodes a slot from before it: a start point below it is moved up to it, and a transaction that
 * committed before it is never sent) and its wal_status (lost or unreserved WAL may be gone).
 */
record SlotState(long confirmedFlushLsn, String walStatus) {

  static Optional<SlotState> read(Connection c, String slot) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT confirmed_flush_lsn::text, wal_status FROM pg_replication_slots"
                + " WHERE slot_name = ?")) {
      ps.setString(1, slot);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getString(1) == null) {
          return Optional.empty();
        }
        return Optional.of(new SlotState(Lsns.parse(rs.getString(1)), rs.getString(2)));
      }
    }
  }

  /** Why the WAL cannot serve {@code fromLsn}, or null when it can. */
  String whyNot(String slot, long fromLsn) {
    if (!"reserved".equals(walStatus) && !"extended".equals(walStatus)) {
      return "slot " + slot + " has wal_status " + walStatus + ", its WAL may be gone";
    }
    // Strictly after: the relay's first-start snapshot publishes the rows committed before the
    // slot existed at the slot's starting point, which is where confirmed_flush_lsn begins, and
    // those events were never in its WAL. A streamed event never sits exactly there.
    if (fromLsn <= confirmedFlushLsn) {
      return "slot "
          + slot
          + " has confirmed up to "
          + Lsns.format(confirmedFlushLsn)
          + ", "
          + (fromLsn == confirmedFlushLsn ? "" : "past ")
          + Lsns.format(fromLsn)
          + " (older than CDC_REPLAY_WINDOW, or the window is 0): PostgreSQL no longer decodes"
          + " that WAL";
    }
    return null;
  }
}
