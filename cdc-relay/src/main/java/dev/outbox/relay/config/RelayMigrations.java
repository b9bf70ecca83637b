package dev.outbox.relay.config;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the relay's own schema (offsets table, heartbeat table and its place in the publication)
 * under its own history table {@code flyway_relay_history}. The application's migrations, which
 * create outbox_events and the publication, must have run first.
 */
public final class RelayMigrations {

  private RelayMigrations() {}

  /** Migrates to the latest version; a no-op when already there. */
  public static MigrateResult migrate(DataSource dataSource, String publication) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration/relay")
        .table("flyway_relay_history")
        // The schema already holds the application's tables and history.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .placeholders(Map.of("cdc_publication", publication))
        .load()
        .migrate();
  }
}
