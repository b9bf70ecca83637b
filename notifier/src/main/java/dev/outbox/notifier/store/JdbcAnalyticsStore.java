package dev.outbox.notifier.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/** {@link AnalyticsStore} in PostgreSQL: the event mark and the counters commit together. */
public final class JdbcAnalyticsStore implements AnalyticsStore {

  private final DataSource dataSource;
  private final Clock clock;

  public JdbcAnalyticsStore(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  @Override
  public boolean countOnce(
      UUID eventId, String eventType, LocalDate day, Map<String, BigDecimal> increments) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        boolean first = mark(c, eventId, eventType);
        if (first) {
          bump(c, day, increments);
        }
        c.commit();
        return first;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new DeliveryStoreException("counting event " + eventId, e);
    }
  }

  private boolean mark(Connection c, UUID eventId, String eventType) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into notifier.analytics_events (event_id, event_type, counted_at)"
                + " values (?, ?, ?) on conflict (event_id) do nothing")) {
      s.setObject(1, eventId);
      s.setString(2, eventType);
      s.setTimestamp(3, Timestamp.from(clock.instant()));
      return s.executeUpdate() == 1;
    }
  }

  private static void bump(Connection c, LocalDate day, Map<String, BigDecimal> increments)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into notifier.daily_counts (day, metric, value) values (?, ?, ?)"
                + " on conflict (day, metric) do update"
                + " set value = notifier.daily_counts.value + excluded.value")) {
      for (Map.Entry<String, BigDecimal> increment : new TreeMap<>(increments).entrySet()) {
        s.setDate(1, Date.valueOf(day));
        s.setString(2, increment.getKey());
        s.setBigDecimal(3, increment.getValue());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  @Override
  public Map<String, BigDecimal> dailyCounts(LocalDate day) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("select metric, value from notifier.daily_counts where day = ?")) {
      s.setDate(1, Date.valueOf(day));
      Map<String, BigDecimal> counts = new TreeMap<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          counts.put(rs.getString(1), rs.getBigDecimal(2));
        }
      }
      return counts;
    } catch (SQLException e) {
      throw new DeliveryStoreException("reading daily counts of " + day, e);
    }
  }
}
