package dev.outbox.api.fuzz;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** How many rows each table a write route touches holds, read in one statement. */
record RowCounts(long users, long verified, long orders, long lines, long payments, long outbox) {

  static final RowCounts NONE = new RowCounts(0, 0, 0, 0, 0, 0);

  private static final String SQL =
      "SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM users WHERE email_verified),"
          + " (SELECT count(*) FROM orders), (SELECT count(*) FROM order_lines),"
          + " (SELECT count(*) FROM payments), (SELECT count(*) FROM outbox_events)";

  static RowCounts read(DataSource pool) {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(SQL)) {
      row.next();
      return new RowCounts(
          row.getLong(1),
          row.getLong(2),
          row.getLong(3),
          row.getLong(4),
          row.getLong(5),
          row.getLong(6));
    } catch (SQLException e) {
      throw new IllegalStateException("Row counts could not be read", e);
    }
  }

  RowCounts minus(RowCounts earlier) {
    return new RowCounts(
        users - earlier.users,
        verified - earlier.verified,
        orders - earlier.orders,
        lines - earlier.lines,
        payments - earlier.payments,
        outbox - earlier.outbox);
  }
}
