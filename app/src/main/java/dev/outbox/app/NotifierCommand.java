package dev.outbox.app;

import dev.outbox.notifier.Notifier;
import dev.outbox.notifier.config.NotifierConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code notifier}: the email/SMS consumer alone; instances compete for the queue. */
@Command(
    name = "notifier",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the notifier alone: events from RabbitMQ -> emails and SMS, once per event.",
      "Needs EMAIL_VERIFICATION_SECRET, the same as the api's. Serves /health, /ready and"
          + " /metrics on METRICS_PORT (0 turns them off)."
    })
final class NotifierCommand implements Callable<Integer> {

  private final Invocation invocation;

  NotifierCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() throws Exception {
    Settings.NotifierRole settings = invocation.settings().notifier();
    NotifierConfig config = settings.notifier();
    int metricsPort = settings.metricsPort();
    var database = settings.database();
    var out = invocation.out();
    return Foreground.run(
        invocation,
        "outbox notifier",
        roles -> {
          var registry = Roles.registry(roles);
          // First: a taken METRICS_PORT stops start-up before anything connects.
          var probes = Roles.probes(roles, metricsPort, "notifier", registry, out);
          var pool = Roles.pool(roles, registry, database, "notifier", Notifier.poolSize(config));
          var notifier = Roles.notifier(roles, config, pool, registry, out, settings.tracing());
          Roles.ready(probes, notifier.readiness());
        });
  }
}
