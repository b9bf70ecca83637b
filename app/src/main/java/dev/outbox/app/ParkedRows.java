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

  /** {@code count} parked events, of which {@code events} (at most the limit asked for). */
  record Listing(long count, List<Parked> events) {}

  private static final String WHERE = " where parked_at is not null and published_at is null";
  private static final String PARKED =
      "select id::text, event_type, retry_count, last_error, parked_at from outbox_events"
          + WHERE
          + " order by created_at limit ?";
  private static final String COUNT = "select count(*) from outbox_events" + WHERE;

  private ParkedRows() {}

  static Listing list(String url, String user, String password, int limit) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      c.setAutoCommit(false); // one snapshot for the count and the rows
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        return new Listing(count(c), rows(c, limit));
      } finally {
        c.rollback();
      }
    }
  }

  private static long count(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(COUNT);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<Parked> rows(Connection c, int limit) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(PARKED)) {
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
