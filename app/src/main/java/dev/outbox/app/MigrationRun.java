package dev.outbox.app;

import dev.outbox.core.config.Migrations;
import dev.outbox.notifier.NotifierMigrations;
import dev.outbox.relay.config.RelayMigrations;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies every schema in dependency order: core (outbox_events and the publication), then the
 * relay (its offsets and heartbeat table, added to that publication), then the notifier (its own
 * schema). Each has its own Flyway history, so applying them again changes nothing.
 */
record MigrationRun(MigrateResult core, MigrateResult relay, MigrateResult notifier) {

  static MigrationRun apply(DataSource dataSource, String publication) {
    return new MigrationRun(
        Migrations.migrate(dataSource, publication),
        RelayMigrations.migrate(dataSource, publication),
        NotifierMigrations.migrate(dataSource));
  }

  int applied() {
    return core.migrationsExecuted + relay.migrationsExecuted + notifier.migrationsExecuted;
  }

  /** One line, e.g. {@code migrations applied: 6 new; core v4, relay v1, notifier v2}. */
  String summary() {
    return "migrations applied: %d new; core v%s, relay v%s, notifier v%s"
        .formatted(applied(), version(core), version(relay), version(notifier));
  }

  private static String version(MigrateResult result) {
    String version =
        result.targetSchemaVersion != null
            ? result.targetSchemaVersion
            : result.initialSchemaVersion;
    return version == null ? "0" : version;
  }
}
