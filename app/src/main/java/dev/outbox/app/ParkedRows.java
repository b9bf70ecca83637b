package dev.outbox.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The events the relay parked (never published, given up after OUTBOX_MAX_RETRIES), oldest first.
 */
final class ParkedRows {

  record Parked(String id, String type, int attempts, String lastError, Instant parkedAt) {}

  private static final String PARKED =
      "select id::text, event_type, retry_count, last_error, parked_at from outbox_events"
          + " where parked_at is not null and published_at is null order by created_at limit ?";

  private ParkedRows() {}

  static List<Parked> list(String url, String user, String password, int limit)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password);
        PreparedStatement s = c.prepareStatement(PARKED)) {
      s.setInt(1, limit);
      List<Parked> parked = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          parked.add(
              new Parked(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getInt(3),
                  rs.getString(4),
                  rs.getTimestamp(5).toInstant()));
        }
      }
      return parked;
    }
  }
}
