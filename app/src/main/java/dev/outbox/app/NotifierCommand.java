package dev.outbox.app;

import dev.outbox.notifier.config.NotifierConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code notifier}: the email/SMS consumer alone; instances compete for the queue. */
@Command(
    name = "notifier",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the notifier alone: events from RabbitMQ -> emails and SMS, once per event.",
      "Needs EMAIL_VERIFICATION_SECRET, the same as the api's. Serves /metrics on"
          + " METRICS_PORT (0 turns it off)."
    })
final class NotifierCommand implements Callable<Integer> {

  private final Invocation invocation;

  NotifierCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() throws Exception {
    Settings settings = invocation.settings();
    NotifierConfig config = settings.notifier();
    MetricsConfig metrics = settings.metrics();
    var database = settings.database();
    var out = invocation.out();
    return Foreground.run(
        invocation,
        "outbox notifier",
        roles -> {
          var pool = Roles.pool(roles, database, "notifier", Roles.notifierPool(config));
          var registry = Roles.registry(roles);
          Roles.metrics(roles, metrics, registry, out);
          Roles.notifier(roles, config, pool, registry, out);
        });
  }
}
