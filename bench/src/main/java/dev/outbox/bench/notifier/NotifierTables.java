package dev.outbox.bench.notifier;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the notifier recorded in its schema: the delivery log ({@code notifier.deliveries}, one row
 * per event and notification, the dedup key) and the analytics' {@code notifier.analytics_events}
 * (one row per counted event). Read over one connection of the harness.
 */
final class NotifierTables implements AutoCloseable {

  /** Events whose welcome email and welcome SMS are both recorded sent. */
  private static final String NOTIFIED =
      "select least("
          + "(select count(*) from notifier.deliveries"
          + " where handler = 'welcome_email' and state = 'SENT'),"
          + " (select count(*) from notifier.deliveries"
          + " where handler = 'welcome_sms' and state = 'SENT'))";

  /** Events the analytics counted. */
  private static final String COUNTED = "select count(*) from notifier.analytics_events";

  private static final String AUDIT =
      "select count(*) filter (where handler = 'welcome_email'),"
          + " count(*) filter (where handler = 'welcome_sms'),"
          + " count(*) filter (where state <> 'SENT'),"
          + " count(*) filter (where attempts <> 1),"
          + " (select count(*) from notifier.analytics_events),"
          + " (select coalesce(sum(value), 0) from notifier.daily_counts"
          + " where metric = 'users_created')"
          + " from notifier.deliveries";

  /**
   * The delivery log at the end of a repetition.
   *
   * @param emailRows welcome_email rows: one per distinct event when dedup holds
   * @param smsRows welcome_sms rows, likewise
   * @param unsent rows in any state but SENT
   * @param notOneAttempt rows claimed (hence sent) more or less than once
   * @param counted events analytics counted
   * @param usersCreated the users_created counter: one per distinct event when dedup holds
   */
  record Audit(
      long emailRows,
      long smsRows,
      long unsent,
      long notOneAttempt,
      long counted,
      long usersCreated) {}

  private final Connection connection;

  NotifierTables(Connection connection) {
    this.connection = connection;
  }

  /** Distinct events whose notifications are all sent. */
  long notified() throws SQLException {
    return count(NOTIFIED);
  }

  /** Distinct events the analytics counted. */
  long counted() throws SQLException {
    return count(COUNTED);
  }

  private long count(String sql) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Whether both of the notifier's consumers have recorded an event yet (then both have declared
   * their queues, which are declared one consumer after the other).
   */
  boolean bothConsuming() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select exists (select 1 from notifier.deliveries)"
                    + " and exists (select 1 from notifier.analytics_events)")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  Audit audit() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(AUDIT)) {
      rs.next();
      return new Audit(
          rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
