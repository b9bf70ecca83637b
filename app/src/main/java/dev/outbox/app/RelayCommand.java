package dev.outbox.app;

import dev.outbox.relay.Relay;
import dev.outbox.relay.config.RelayConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code relay}: the CDC relay alone; a second instance on the same slot waits as standby. */
@Command(
    name = "relay",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the CDC relay alone: WAL of outbox_events -> RabbitMQ.",
      "One instance per CDC_SLOT_NAME streams; more wait as standbys on the slot's lock.",
      "Serves /health, /ready and /metrics on METRICS_PORT (0 turns them off)."
    })
final class RelayCommand implements Callable<Integer> {

  private final Invocation invocation;

  RelayCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() throws Exception {
    Settings.RelayRole settings = invocation.settings().relay();
    RelayConfig config = settings.relay();
    int metricsPort = settings.metricsPort();
    var database = settings.database();
    var out = invocation.out();
    return Foreground.run(
        invocation,
        "outbox relay",
        roles -> {
          var registry = Roles.registry(roles);
          // First: a taken METRICS_PORT stops start-up before anything connects.
          var probes = Roles.probes(roles, metricsPort, "relay", registry, out);
          var pool = Roles.pool(roles, registry, database, "relay", Relay.POOL_SIZE);
          Roles.ready(probes, Roles.relay(roles, config, pool, registry, out).readiness());
        });
  }
}
