package dev.outbox.core.persistence;

import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.config.ReplicationSettings;
import dev.outbox.core.config.Migrations;
import dev.outbox.testing.Rows;
import dev.outbox.testing.TestDatabase;
import java.util.List;
import java.util.Map;

/**
 * A migrated database of its own for one IT class, with core's persistence over it and plain JDBC
 * to look at the rows behind Hibernate's back.
 */
final class CoreDatabase implements AutoCloseable {

  private final TestDatabase database;
  private final HikariDataSource pool;
  private final Rows rows;
  private final CorePersistence persistence;

  private CoreDatabase(TestDatabase database, HikariDataSource pool) {
    this.database = database;
    this.pool = pool;
    this.rows = new Rows(pool);
    Migrations.migrate(pool, ReplicationSettings.PUBLICATION.defaultText());
    this.persistence = CorePersistence.create(pool);
  }

  static CoreDatabase create(String prefix) {
    TestDatabase database = TestDatabase.create(prefix);
    return new CoreDatabase(database, database.pool(prefix, 6));
  }

  /** Sessions of this database waiting for a lock (a row or index entry another tx holds). */
  long sessionsWaitingForALock() {
    return count(
        "select count(*) from pg_stat_activity where datname = ? and wait_event_type = 'Lock'",
        database.name());
  }

  /** A plain JDBC connection of the pool, to write rows as another writer would. */
  java.sql.Connection connect() throws java.sql.SQLException {
    return pool.getConnection();
  }

  CorePersistence persistence() {
    return persistence;
  }

  /** Rows as column-name maps, in the query's order. */
  List<Map<String, Object>> rows(String sql, Object... parameters) {
    return rows.list(sql, parameters);
  }

  long count(String sql, Object... parameters) {
    return rows.count(sql, parameters);
  }

  @Override
  public void close() {
    persistence.close();
    pool.close();
    database.close();
  }
}
