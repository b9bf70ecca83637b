package dev.outbox.core.config;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the application schema (users, orders, payments, outbox_events and its publication).
 * Flyway owns every DDL statement; Hibernate only validates. The relay and the notifier keep their
 * own tables under their own migration histories.
 */
public final class Migrations {

  private Migrations() {}

  /** Migrates to the latest version; a no-op when already there. */
  public static MigrateResult migrate(DataSource dataSource, String publication) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration/core")
        .table("flyway_schema_history")
        .placeholders(Map.of("cdc_publication", publication))
        .load()
        .migrate();
  }
}
