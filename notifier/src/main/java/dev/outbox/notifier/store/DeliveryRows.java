package dev.outbox.notifier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Reads one row of {@code notifier.deliveries} into a {@link DeliveryRecord}. */
final class DeliveryRows {

  private static final String SELECT =
      "select event_id, handler, channel, recipient, template, provider, provider_message_id,"
          + " state, attempts, lease_until, last_error, created_at, updated_at"
          + " from notifier.deliveries where event_id = ? and handler = ?";

  private DeliveryRows() {}

  static Optional<DeliveryRecord> find(Connection c, UUID eventId, String handler)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(SELECT)) {
      s.setObject(1, eventId);
      s.setString(2, handler);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(record(rs)) : Optional.empty();
      }
    }
  }

  private static DeliveryRecord record(ResultSet rs) throws SQLException {
    return new DeliveryRecord(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        DeliveryState.valueOf(rs.getString(8)),
        rs.getInt(9),
        instant(rs.getTimestamp(10)),
        rs.getString(11),
        instant(rs.getTimestamp(12)),
        instant(rs.getTimestamp(13)));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
