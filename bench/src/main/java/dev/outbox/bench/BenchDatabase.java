package dev.outbox.bench;

import dev.outbox.core.config.Migrations;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One throw-away database per contestant and repetition, with core's outbox schema and a
 * publication of its own. {@link #close()} drops the database and every replication slot in it, so
 * a run never leaves WAL pinned behind.
 */
public final class BenchDatabase implements AutoCloseable {

  private final BenchConfig config;
  private final String name;
  private final String publication;

  private BenchDatabase(BenchConfig config, String name, String publication) {
    this.config = config;
    this.name = name;
    this.publication = publication;
  }

  /** Drops a leftover of the same name (an aborted earlier run), creates and migrates it. */
  public static BenchDatabase create(BenchConfig config, String name) throws SQLException {
    var db = new BenchDatabase(config, name, name + "_pub");
    db.dropIfExists();
    db.admin("create database " + name);
    var dataSource = new PGSimpleDataSource();
    dataSource.setURL(db.jdbcUrl());
    dataSource.setUser(config.dbUser());
    dataSource.setPassword(config.dbPassword());
    Migrations.migrate(dataSource, db.publication);
    return db;
  }

  public String name() {
    return name;
  }

  public String publication() {
    return publication;
  }

  public String slot() {
    return name + "_slot";
  }

  public String jdbcUrl() {
    return config.jdbcUrl(name);
  }

  /** How a libpq tool (pgbench) reaches this database: host, port, user and database name. */
  public List<String> libpqArguments() {
    URI url = URI.create(jdbcUrl().substring("jdbc:".length()));
    if (url.getHost() == null) {
      throw new IllegalArgumentException(
          "BENCH_ADMIN_URL must name one host and port for pgbench: " + config.adminJdbcUrl());
    }
    String port = Integer.toString(url.getPort() < 0 ? 5432 : url.getPort());
    return List.of("-h", url.getHost(), "-p", port, "-U", config.dbUser(), name);
  }

  /** The password for a libpq tool, passed in its environment (never on its command line). */
  public Map<String, String> libpqEnvironment() {
    return config.dbPassword().isEmpty() ? Map.of() : Map.of("PGPASSWORD", config.dbPassword());
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), config.dbUser(), config.dbPassword());
  }

  /** Runs one statement in this database. */
  public void execute(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Override
  public void close() throws SQLException {
    dropIfExists();
  }

  private void dropIfExists() throws SQLException {
    String where = " where database = '" + name + "'";
    // A terminated walsender releases its slot asynchronously: retry the drop a few times.
    for (int attempt = 1; ; attempt++) {
      try {
        admin("select pg_terminate_backend(active_pid) from pg_replication_slots" + where);
        admin("select pg_drop_replication_slot(slot_name) from pg_replication_slots" + where);
        break;
      } catch (SQLException e) {
        if (attempt == 20) {
          throw e;
        }
        pause();
      }
    }
    admin("drop database if exists " + name + " with (force)");
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void admin(String sql) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                config.adminJdbcUrl(), config.dbUser(), config.dbPassword());
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
