package dev.outbox.relay.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.relay.metrics.RelayMetrics;
import dev.outbox.relay.model.OutboxMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SynchronousDeliveryTest {

  final FakePublisher broker = new FakePublisher();
  final InMemoryOutboxRows rows = new InMemoryOutboxRows();
  final SynchronousDelivery delivery =
      new SynchronousDelivery(broker, rows, new RelayMetrics(new SimpleMeterRegistry(), "s"), 3);

  @Test
  void a_page_is_published_and_marked_on_the_callers_thread_before_deliver_returns()
      throws Exception {
    List<OutboxMessage> page = List.of(message(), message());

    List<OutboxMessage> confirmed = delivery.deliver(page);

    assertThat(confirmed).containsExactlyElementsOf(page);
    assertThat(broker.confirmedIds()).containsExactly(page.get(0).id(), page.get(1).id());
    assertThat(rows.published()).containsExactlyInAnyOrder(page.get(0).id(), page.get(1).id());
    assertThat(rows.markThreads()).containsExactly(Thread.currentThread().getName());
  }

  private OutboxMessage message() {
    UUID id = UUID.randomUUID();
    rows.insert(id);
    return new OutboxMessage(id, "order.placed", "order", "42", "{}", Instant.EPOCH, 1, null, true);
  }
}
