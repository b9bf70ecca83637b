package dev.outbox.relay.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.core.config.Migrations;
import dev.outbox.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class RelayMigrationsIT {

  @Test
  void a_start_skips_flyway_only_once_the_latest_migration_is_recorded_applied() throws Exception {
    try (TestDatabase db = TestDatabase.create("relaymig");
        HikariDataSource ds = db.pool("relay-migrations-it", 2)) {
      Migrations.migrate(ds, "relaymig_pub");
      assertThat(RelayMigrations.isCurrent(ds)).isFalse();

      RelayMigrations.migrateIfBehind(ds, "relaymig_pub");
      assertThat(RelayMigrations.isCurrent(ds)).isTrue();

      try (Connection c = ds.getConnection();
          Statement s = c.createStatement()) {
        s.execute("UPDATE flyway_relay_history SET success = false WHERE version = '2'");
      }
      assertThat(RelayMigrations.isCurrent(ds)).isFalse();
    }
  }
}
