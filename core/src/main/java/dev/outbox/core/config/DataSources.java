package dev.outbox.core.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Builds the connection pool that Flyway and Hibernate share. */
public final class DataSources {

  private DataSources() {}

  public static HikariDataSource pool(DatabaseConfig config, String poolName, int maxSize) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName(poolName);
    hikari.setJdbcUrl(config.url());
    hikari.setUsername(config.user());
    hikari.setPassword(config.password());
    hikari.setMaximumPoolSize(maxSize);
    // Each outbox row must reach the WAL as its own INSERT: Debezium 3.6.1 loses events that
    // share one WAL position on restart, which a rewritten multi-row insert would produce.
    hikari.addDataSourceProperty("reWriteBatchedInserts", "false");
    return new HikariDataSource(hikari);
  }
}
