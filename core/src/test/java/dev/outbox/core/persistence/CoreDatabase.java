package dev.outbox.core.persistence;

import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.core.config.DataSources;
import dev.outbox.core.config.DatabaseConfig;
import dev.outbox.core.config.Migrations;
import dev.outbox.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A migrated database of its own for one IT class, with core's persistence over it and plain JDBC
 * to look at the rows behind Hibernate's back.
 */
final class CoreDatabase implements AutoCloseable {

  private final TestDatabase database;
  private final HikariDataSource pool;
  private final CorePersistence persistence;

  private CoreDatabase(TestDatabase database, HikariDataSource pool) {
    this.database = database;
    this.pool = pool;
    Migrations.migrate(pool, DatabaseConfig.DEFAULT_PUBLICATION);
    this.persistence = CorePersistence.create(pool);
  }

  static CoreDatabase create(String prefix) {
    TestDatabase database = TestDatabase.create(prefix);
    DatabaseConfig config =
        new DatabaseConfig(
            database.jdbcUrl(),
            database.user(),
            database.password(),
            DatabaseConfig.DEFAULT_PUBLICATION);
    return new CoreDatabase(database, DataSources.pool(config, prefix, 6));
  }

  /** Sessions of this database waiting for a lock (a row or index entry another tx holds). */
  long sessionsWaitingForALock() {
    return count(
        "select count(*) from pg_stat_activity where datname = ? and wait_event_type = 'Lock'",
        database.name());
  }

  CorePersistence persistence() {
    return persistence;
  }

  /** Rows as column-name maps, in the query's order. */
  List<Map<String, Object>> rows(String sql, Object... parameters) {
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnName(i), rs.getObject(i));
          }
          rows.add(row);
        }
        return rows;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  long count(String sql, Object... parameters) {
    return ((Number) rows(sql, parameters).get(0).values().iterator().next()).longValue();
  }

  @Override
  public void close() {
    persistence.close();
    pool.close();
    database.close();
  }
}
