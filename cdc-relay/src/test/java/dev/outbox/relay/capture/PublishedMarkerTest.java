package dev.outbox.relay.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.relay.metrics.RelayMetrics;
import dev.outbox.relay.model.OutboxMessage;
import io.github.resilience4j.core.IntervalFunction;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PublishedMarkerTest {

  final Stopper stopper = new Stopper(IntervalFunction.of(Duration.ofMillis(1)));
  final DatabaseRetry database =
      new DatabaseRetry(new RelayMetrics(new SimpleMeterRegistry(), "test"), stopper);
  PublishedMarker marker;

  @AfterEach
  void close() {
    if (marker != null) {
      marker.close();
    }
  }

  @Test
  void batches_confirmed_while_a_mark_runs_are_marked_together_in_the_next_one() throws Exception {
    InMemoryOutboxRows rows = new InMemoryOutboxRows();
    OutboxMessage a = message(), b = message(), c = message();
    List.of(a, b, c).forEach(m -> rows.insert(m.id()));
    marker = new PublishedMarker(rows, database, stopper, "marker-test");

    rows.holdMarks();
    marker.submit(List.of(a));
    rows.awaitHeldMark();
    marker.submit(List.of(b));
    marker.submit(List.of(c));
    rows.releaseMarks();
    marker.awaitMarked();

    assertThat(rows.published()).containsExactlyInAnyOrder(a.id(), b.id(), c.id());
    assertThat(rows.markSizes()).containsExactly(1, 2);
  }

  @Test
  void a_batch_submitted_to_an_idle_marker_is_marked_on_its_own() throws Exception {
    InMemoryOutboxRows rows = new InMemoryOutboxRows();
    OutboxMessage a = message(), b = message();
    List.of(a, b).forEach(m -> rows.insert(m.id()));
    marker = new PublishedMarker(rows, database, stopper, "marker-test");

    marker.submit(List.of(a));
    marker.awaitMarked();
    marker.submit(List.of(b));
    marker.awaitMarked();

    assertThat(rows.markSizes()).containsExactly(1, 1);
    assertThat(rows.published()).containsExactlyInAnyOrder(a.id(), b.id());
  }

  /**
   * Once a mark failed, no later barrier passes, even after a later mark succeeded: an offset
   * committed then would cover the rows the failed mark left unmarked.
   */
  @Test
  void a_failed_mark_keeps_every_later_barrier_closed() {
    AtomicInteger calls = new AtomicInteger();
    DeliveryRows failsFirst =
        new DeliveryRows() {
          @Override
          public Set<UUID> markPublished(List<OutboxMessage> messages) {
            if (calls.incrementAndGet() == 1) {
              throw new IllegalStateException("a failure no one expected");
            }
            return Set.copyOf(messages.stream().map(OutboxMessage::id).toList());
          }

          @Override
          public boolean recordFailure(OutboxMessage message, String error, int maxRetries)
              throws SQLException {
            return false;
          }
        };
    marker = new PublishedMarker(failsFirst, database, stopper, "marker-test");

    marker.submit(List.of(message()));
    assertThatThrownBy(marker::awaitMarked).isInstanceOf(IllegalStateException.class);
    marker.submit(List.of(message()));
    assertThatThrownBy(marker::awaitMarked)
        .isInstanceOf(IllegalStateException.class)
        .hasRootCauseMessage("a failure no one expected");
    assertThat(calls).hasValue(2);
  }

  private static OutboxMessage message() {
    return new OutboxMessage(
        UUID.randomUUID(), "order.placed", "order", "42", "{}", Instant.EPOCH, 1, null, false);
  }
}
