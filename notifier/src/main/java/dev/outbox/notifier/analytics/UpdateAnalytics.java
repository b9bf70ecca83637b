package dev.outbox.notifier.analytics;

import dev.outbox.notifier.event.Attempt;
import dev.outbox.notifier.event.EventEnvelope;
import dev.outbox.notifier.event.EventHandler;
import dev.outbox.notifier.event.EventPayload;
import dev.outbox.notifier.event.EventPayload.OrderPlaced;
import dev.outbox.notifier.event.EventPayload.PaymentReceived;
import dev.outbox.notifier.event.EventPayload.UserCreated;
import dev.outbox.notifier.event.EventPayload.UserEmailVerified;
import dev.outbox.notifier.event.Outcome;
import dev.outbox.notifier.store.AnalyticsStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

/**
 * The seed's UpdateAnalytics, on a queue of its own to show the fan-out: daily counts of users
 * created and verified, orders and payments and the revenue per currency, by the day (UTC) the
 * event occurred. Each event id is counted once however often it is delivered. It consumes every
 * event type the domain raises, so that none ends in the exchange's unroutable queue.
 */
public final class UpdateAnalytics implements EventHandler {

  private final AnalyticsStore store;

  public UpdateAnalytics(AnalyticsStore store) {
    this.store = store;
  }

  @Override
  public String name() {
    return "analytics";
  }

  @Override
  public Set<String> eventTypes() {
    return Set.of(UserCreated.TYPE, UserEmailVerified.TYPE, OrderPlaced.TYPE, PaymentReceived.TYPE);
  }

  @Override
  public Outcome handle(EventEnvelope event, Attempt attempt) {
    LocalDate day = LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC);
    boolean counted = store.countOnce(event.id(), event.type(), day, increments(event));
    return counted ? new Outcome.Completed() : new Outcome.Duplicate();
  }

  private static Map<String, BigDecimal> increments(EventEnvelope event) {
    EventPayload payload = event.payload();
    if (payload instanceof UserCreated) {
      return Map.of("users_created", BigDecimal.ONE);
    }
    if (payload instanceof UserEmailVerified) {
      return Map.of("emails_verified", BigDecimal.ONE);
    }
    if (payload instanceof OrderPlaced) {
      return Map.of("orders_placed", BigDecimal.ONE);
    }
    if (payload instanceof PaymentReceived payment) {
      // The parser admits only ISO 4217 codes, so the metric names stay a small known set.
      return Map.of(
          "payments_received", BigDecimal.ONE, "revenue_" + payment.currency(), payment.amount());
    }
    return Map.of();
  }
}
