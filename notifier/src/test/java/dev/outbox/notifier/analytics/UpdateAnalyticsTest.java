package dev.outbox.notifier.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.notifier.event.Attempt;
import dev.outbox.notifier.event.EventEnvelope;
import dev.outbox.notifier.event.EventEnvelopeParser;
import dev.outbox.notifier.event.Outcome;
import dev.outbox.notifier.store.AnalyticsStore;
import dev.outbox.testing.ContractFixtures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UpdateAnalyticsTest {

  private static final Attempt FIRST = new Attempt(1, 5, false);

  /** Counters in memory, each event id once. */
  private static final class InMemoryAnalyticsStore implements AnalyticsStore {
    final Map<LocalDate, Map<String, BigDecimal>> days = new TreeMap<>();
    private final Set<UUID> counted = new HashSet<>();

    @Override
    public boolean countOnce(
        UUID eventId, String eventType, LocalDate day, Map<String, BigDecimal> increments) {
      if (!counted.add(eventId)) {
        return false;
      }
      increments.forEach((metric, value) -> dailyCounts(day).merge(metric, value, BigDecimal::add));
      return true;
    }

    @Override
    public Map<String, BigDecimal> dailyCounts(LocalDate day) {
      return days.computeIfAbsent(day, d -> new TreeMap<>());
    }
  }

  private final InMemoryAnalyticsStore store = new InMemoryAnalyticsStore();
  private final UpdateAnalytics analytics = new UpdateAnalytics(store);

  private static EventEnvelope fixture(String name) {
    return new EventEnvelopeParser().parse(ContractFixtures.bytes(name));
  }

  @Test
  void counts_each_event_once_on_the_day_it_occurred_with_exact_revenue_per_currency() {
    Outcome first = analytics.handle(fixture("payment-received.v1.json"), FIRST);
    Outcome again = analytics.handle(fixture("payment-received.v1.json"), FIRST);
    analytics.handle(fixture("user-created.v1.json"), FIRST);
    analytics.handle(fixture("order-placed.v1.json"), FIRST);
    analytics.handle(fixture("user-email-verified.v1.json"), FIRST);

    assertThat(first).isInstanceOf(Outcome.Completed.class);
    assertThat(again).isInstanceOf(Outcome.Duplicate.class);
    assertThat(store.dailyCounts(LocalDate.parse("2026-11-27")))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "payments_received", BigDecimal.ONE,
                "revenue_EUR", new BigDecimal("19.99"),
                "users_created", BigDecimal.ONE,
                "emails_verified", BigDecimal.ONE,
                "orders_placed", BigDecimal.ONE));
  }
}
