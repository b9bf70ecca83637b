package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.core.domain.order.OrderEvent;
import dev.outbox.core.domain.user.UserEvent;
import dev.outbox.notifier.analytics.UpdateAnalytics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every event type the domain raises has a consumer, at least the analytics one: a type no queue
 * binds would only fill the exchange's unroutable queue. The domain's events are sealed types, so a
 * new one is on this list as soon as it compiles.
 */
class EveryEventTypeIsConsumedTest {

  @Test
  void the_analytics_consumer_binds_every_event_type_the_domain_raises() throws Exception {
    List<String> raised = new ArrayList<>();
    for (Class<?> family : List.of(UserEvent.class, OrderEvent.class)) {
      for (Class<?> event : family.getPermittedSubclasses()) {
        raised.add((String) event.getField("TYPE").get(null));
      }
    }

    assertThat(raised)
        .contains("user.created", "user.email_verified", "order.placed", "payment.received");
    assertThat(new UpdateAnalytics(null).eventTypes()).containsExactlyInAnyOrderElementsOf(raised);
  }
}
