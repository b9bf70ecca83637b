package dev.outbox.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.config.ExitCodes;
import dev.outbox.config.Pools;
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
    Settings.Migration settings = invocation.settings().migration();
    try (HikariDataSource pool = Pools.create(settings.database(), "migrate", 2)) {
      String publication = settings.replication().publication();
      invocation.out().println(MigrationRun.apply(pool, publication).summary());
    }
    return ExitCodes.OK;
  }
}
