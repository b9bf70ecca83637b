package dev.outbox.app;

import dev.outbox.api.Api;
import dev.outbox.api.config.ApiConfig;
import dev.outbox.config.DatabaseSettings;
import dev.outbox.notifier.Notifier;
import dev.outbox.notifier.config.NotifierConfig;
import dev.outbox.relay.Relay;
import dev.outbox.relay.config.RelayConfig;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/**
 * {@code all}: the three roles in one JVM over one connection pool and one metrics registry (the
 * api serves it on /metrics, and its /ready requires the relay's and the notifier's readiness too).
 * Started notifier first and api last, so that the first request finds the pipeline behind it;
 * stopped in reverse, so that the api stops taking writes before the relay and the notifier stop.
 */
@Command(
    name = "all",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the api, the relay and the notifier in one JVM (local runs, small deployments).",
      "Applies every migration first. Without EMAIL_VERIFICATION_SECRET it generates one for"
          + " this run (verification links then die with the process)."
    })
final class AllCommand implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(AllCommand.class);

  private final Invocation invocation;

  AllCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() throws Exception {
    Settings.AllRoles settings = invocation.settings().all();
    DatabaseSettings database = settings.database();
    ApiConfig api = settings.api();
    RelayConfig relay = settings.relay();
    NotifierConfig notifier = settings.notifier();
    if (settings.secretGenerated()) {
      log.warn(
          "EMAIL_VERIFICATION_SECRET is not set: generated one for this run; verification links"
              + " stop working when it ends. Set it for anything beyond a local try.");
    }
    var out = invocation.out();
    return Foreground.run(
        invocation,
        "outbox all",
        roles -> {
          var registry = Roles.registry(roles);
          var pool =
              Roles.pool(
                  roles,
                  registry,
                  database,
                  "outbox",
                  Api.POOL_SIZE + Relay.POOL_SIZE + Notifier.poolSize(notifier));
          out.println(MigrationRun.apply(pool, settings.replication().publication()).summary());
          var notifierRole =
              Roles.notifier(roles, notifier, pool, registry, out, settings.notifierTracing());
          var relayRole = Roles.relay(roles, relay, pool, registry, out);
          Roles.api(
              roles,
              api,
              pool,
              registry,
              out,
              List.of(relayRole.readiness(), notifierRole.readiness()),
              settings.apiTracing());
        });
  }
}
