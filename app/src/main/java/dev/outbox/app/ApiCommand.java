package dev.outbox.app;

import dev.outbox.api.Api;
import dev.outbox.api.config.ApiConfig;
import dev.outbox.core.config.Migrations;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code api}: the REST role alone; applies core's migrations at start-up. */
@Command(
    name = "api",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the REST api alone (scale it behind a load balancer).",
      "Needs EMAIL_VERIFICATION_SECRET, the same as the notifier's. Serves /health, /ready"
          + " and /metrics on HTTP_PORT."
    })
final class ApiCommand implements Callable<Integer> {

  private final Invocation invocation;

  ApiCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() throws Exception {
    Settings.ApiRole settings = invocation.settings().api();
    ApiConfig config = settings.api();
    var out = invocation.out();
    return Foreground.run(
        invocation,
        "outbox api",
        roles -> {
          var registry = Roles.registry(roles);
          var pool = Roles.pool(roles, registry, settings.database(), "api", Api.POOL_SIZE);
          var core = Migrations.migrate(pool, settings.replication().publication());
          out.println("migrations applied: %d new (core)".formatted(core.migrationsExecuted));
          Roles.api(roles, config, pool, registry, out, List.of(), settings.tracing());
        });
  }
}
