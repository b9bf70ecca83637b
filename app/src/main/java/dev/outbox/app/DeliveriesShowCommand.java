package dev.outbox.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.api.admin.DeliveryLogQuery;
import dev.outbox.api.admin.DeliveryLogQuery.Delivery;
import dev.outbox.api.admin.DeliveryLogQuery.EventDeliveries;
import dev.outbox.api.admin.DeliveryLogQuery.Report;
import dev.outbox.config.ExitCodes;
import dev.outbox.config.Pools;
import dev.outbox.json.Json;
import java.io.PrintStream;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code deliveries show <event-id>}: the delivery rows of one event with the providers' reports,
 * the same reading as {@code GET /admin/deliveries?event_id=} ({@link DeliveryLogQuery}).
 */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Prints each delivery of the event (handler, channel, provider, state, attempts, provider"
          + " message id, the provider's latest status and error code, how a crash was"
          + " reconciled) and under it every report the provider sent, oldest first.",
      "Recipients are not shown."
    })
final class DeliveriesShowCommand implements Callable<Integer> {

  private final Invocation invocation;

  @Parameters(paramLabel = "<event-id>", description = "The event's id (a UUID).")
  private UUID eventId;

  // json: the body of GET /admin/deliveries.
  @Mixin private OutputOption output;

  DeliveriesShowCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() throws Exception {
    Settings.Operations settings = invocation.settings().operations();
    EventDeliveries deliveries;
    try (HikariDataSource pool = Pools.create(settings.database(), "deliveries", 1)) {
      deliveries = new DeliveryLogQuery(pool).of(eventId);
    }
    PrintStream out = invocation.out();
    if (output.json()) {
      out.println(Json.mapper().writeValueAsString(deliveries));
      return ExitCodes.OK;
    }
    out.println("deliveries of event " + eventId + ": " + deliveries.deliveries().size());
    for (Delivery d : deliveries.deliveries()) {
      out.printf(
          "  %s  %s via %s  state=%s attempts=%d message=%s provider_status=%s at=%s"
              + " error=%s reconciliation=%s last_error=%s%n",
          d.handler(),
          d.channel(),
          d.provider(),
          d.state(),
          d.attempts(),
          d.providerMessageId(),
          d.providerStatus(),
          d.providerStatusAt(),
          d.providerErrorCode(),
          d.reconciliation(),
          d.lastError());
      for (Report r : d.reports()) {
        out.printf(
            "    %s  %s (%s) error=%s message=%s received=%s%n",
            r.occurredAt(),
            r.status(),
            r.rawStatus(),
            r.errorCode(),
            r.providerMessageId(),
            r.receivedAt());
      }
    }
    return ExitCodes.OK;
  }
}
