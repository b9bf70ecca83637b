package dev.outbox.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Plain JDBC for tests that look at rows behind the code under test: counts, single values as text,
 * rows as column maps and statements, each on a connection of its own. Parameters bind in order
 * ({@code ?}).
 */
public final class Rows {

  private final DataSource dataSource;

  public Rows(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The number in the first column of the first row, such as {@code select count(*) ...}. */
  public long count(String sql, Object... parameters) {
    List<Map<String, Object>> rows = list(sql, parameters);
    if (rows.isEmpty()) {
      throw new IllegalStateException("no row: " + sql);
    }
    return ((Number) rows.get(0).values().iterator().next()).longValue();
  }

  /**
   * The first column of the first row as PostgreSQL's text for it ({@code pg_lsn} as {@code
   * 0/16B3748}, a boolean as {@code t}), or null when {@code sql} selects no row or a NULL: tests
   * that wait for a value to appear poll this.
   */
  public String text(String sql, Object... parameters) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, parameters);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Every row {@code sql} selects as a column-name map, in the query's order. */
  public List<Map<String, Object>> list(String sql, Object... parameters) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, parameters);
      try (ResultSet rs = s.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnLabel(i), rs.getObject(i));
          }
          rows.add(row);
        }
        return rows;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Runs a statement that returns no rows (DDL, updates, {@code select pg_...} side effects). */
  public void execute(String sql) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static void bind(PreparedStatement s, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      s.setObject(i + 1, parameters[i]);
    }
  }
}
