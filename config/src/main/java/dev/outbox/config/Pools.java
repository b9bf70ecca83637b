package dev.outbox.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The one way a PostgreSQL connection pool is built, for every role and command. */
public final class Pools {

  private Pools() {}

  /** A pool named {@code name} (it shows in metrics and thread names) of at most {@code size}. */
  public static HikariDataSource create(DatabaseSettings database, String name, int size) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName(name);
    hikari.setJdbcUrl(database.url());
    hikari.setUsername(database.user());
    hikari.setPassword(database.password());
    hikari.setMaximumPoolSize(size);
    // Each outbox row must reach the WAL as its own INSERT: Debezium 3.6.1 loses events that
    // share one WAL position on restart, which a rewritten multi-row insert would produce
    // (debezium/dbz#1554, fixed by debezium/debezium#7531 in 3.7.0.Alpha1).
    hikari.addDataSourceProperty("reWriteBatchedInserts", "false");
    return new HikariDataSource(hikari);
  }
}
