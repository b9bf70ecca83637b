package dev.outbox.notifier.fakes;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.testing.TestDatabase;

/** Connection pools on test databases. */
public final class Pools {

  private Pools() {}

  public static HikariDataSource on(TestDatabase db, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.jdbcUrl());
    config.setUsername(db.user());
    config.setPassword(db.password());
    config.setMaximumPoolSize(size);
    return new HikariDataSource(config);
  }
}
