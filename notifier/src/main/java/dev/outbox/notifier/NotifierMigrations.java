package dev.outbox.notifier;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates the notifier's own tables (deliveries, analytics) in the schema {@code notifier} of the
 * application database, under their own history table {@code notifier.flyway_notifier_history}, so
 * the notifier and the core migrate independently.
 */
public final class NotifierMigrations {

  /** The schema that holds every notifier table. */
  public static final String SCHEMA = "notifier";

  private NotifierMigrations() {}

  /** Migrates to the latest version; a no-op when already there. */
  public static MigrateResult migrate(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .schemas(SCHEMA)
        .defaultSchema(SCHEMA)
        .createSchemas(true)
        .table("flyway_notifier_history")
        .locations("classpath:db/migration/notifier")
        .load()
        .migrate();
  }
}
