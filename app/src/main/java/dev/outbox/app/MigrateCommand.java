package dev.outbox.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.config.ExitCodes;
import dev.outbox.core.config.DataSources;
import dev.outbox.core.config.DatabaseConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code migrate}: every schema (core, relay, notifier, in that order), then exits. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Applies the core, relay and notifier migrations, in that order, and exits.",
      "Running it again changes nothing."
    })
final class MigrateCommand implements Callable<Integer> {

  private final Invocation invocation;

  MigrateCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    DatabaseConfig database = invocation.settings().database();
    try (HikariDataSource pool = DataSources.pool(database, "migrate", 2)) {
      invocation.out().println(MigrationRun.apply(pool, database.publication()).summary());
    }
    return ExitCodes.OK;
  }
}
