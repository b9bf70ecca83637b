package dev.outbox.testing;

import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.config.DatabaseSettings;
import dev.outbox.config.Pools;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A database of its own for one test class, on the server {@link TestServices} found, so test
 * classes never see each other's rows, publications or offsets. {@link #close()} drops the database
 * together with any replication slot created in it (a forgotten slot would pin WAL).
 *
 * <pre>{@code
 * static final TestDatabase db = TestDatabase.create("relay");
 * static final HikariDataSource pool = db.pool("relay-it", 4);
 * @AfterAll static void dropDatabase() { pool.close(); db.close(); }
 * }</pre>
 */
public final class TestDatabase implements AutoCloseable {

  private final TestServices.Postgres server;
  private final String name;

  private TestDatabase(TestServices.Postgres server, String name) {
    this.server = server;
    this.name = name;
  }

  /** Creates an empty database named after {@code prefix} plus a random suffix. */
  public static TestDatabase create(String prefix) {
    TestServices.Postgres server = TestServices.postgres();
    String name =
        ("t_" + prefix + "_" + UUID.randomUUID().toString().substring(0, 8))
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9_]", "_");
    execute(server, "create database " + name);
    return new TestDatabase(server, name);
  }

  /** A name unique to this run, usable for replication slots, exchanges and queues. */
  public static String uniqueName(String prefix) {
    return (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10))
        .toLowerCase(Locale.ROOT);
  }

  public String name() {
    return name;
  }

  public String jdbcUrl() {
    return server.jdbcUrl(name);
  }

  public String user() {
    return server.user();
  }

  public String password() {
    return server.password();
  }

  public String host() {
    return server.host();
  }

  public int port() {
    return server.port();
  }

  /** Where this database is, as the roles' configuration reads it. */
  public DatabaseSettings settings() {
    return new DatabaseSettings(jdbcUrl(), user(), password());
  }

  /**
   * A pool on this database built the way every role builds one ({@link Pools#create}), so tests
   * see the same driver settings; the caller closes it before {@link #close()}.
   */
  public HikariDataSource pool(String poolName, int size) {
    return Pools.create(settings(), poolName, size);
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), user(), password());
  }

  @Override
  public void close() {
    execute(
        server,
        "select pg_terminate_backend(active_pid) from pg_replication_slots"
            + " where database = '"
            + name
            + "' and active_pid is not null");
    execute(
        server,
        "select pg_drop_replication_slot(slot_name) from pg_replication_slots"
            + " where database = '"
            + name
            + "'");
    execute(server, "drop database if exists " + name + " with (force)");
  }

  private static void execute(TestServices.Postgres server, String sql) {
    try (Connection c = server.connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Test database setup failed: " + sql, e);
    }
  }
}
