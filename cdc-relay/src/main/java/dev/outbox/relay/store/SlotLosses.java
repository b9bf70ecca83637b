package dev.outbox.relay.store;

import dev.outbox.relay.model.SlotLoss;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code relay_slot_losses}: every time a relay found its slot's stored position gone, and what it
 * did. {@code status} shows the newest of a slot ({@link #last}).
 */
public final class SlotLosses {

  private static final String COLUMNS =
      "slot_name, detected_at, cause, stored_lsn::text, action, unpublished";

  private SlotLosses() {}

  /**
   * Records a loss found now (the database's clock) in {@code c}'s transaction.
   *
   * @return the loss as recorded
   */
  public static SlotLoss record(
      Connection c,
      String slot,
      SlotLoss.Cause cause,
      String storedPosition,
      SlotLoss.Action action)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO relay_slot_losses (slot_name, cause, stored_lsn, action, unpublished)"
                + " SELECT ?, ?, ?::pg_lsn, ?, count(*) FROM outbox_events"
                + " WHERE published_at IS NULL AND parked_at IS NULL"
                + " RETURNING "
                + COLUMNS)) {
      ps.setString(1, slot);
      ps.setString(2, cause.name().toLowerCase(Locale.ROOT));
      ps.setString(3, storedPosition);
      ps.setString(4, action.label());
      return one(ps).orElseThrow();
    }
  }

  /** The newest loss recorded for {@code slot}, if any. */
  public static Optional<SlotLoss> last(Connection c, String slot) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM relay_slot_losses WHERE slot_name = ? ORDER BY id DESC LIMIT 1")) {
      ps.setString(1, slot);
      return one(ps);
    }
  }

  private static Optional<SlotLoss> one(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new SlotLoss(
              rs.getString(1),
              rs.getTimestamp(2).toInstant(),
              SlotLoss.Cause.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
              rs.getString(4),
              SlotLoss.Action.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)),
              rs.getLong(6)));
    }
  }
}
