package dev.outbox.chaos.check;

import static dev.outbox.chaos.check.Fixtures.at;
import static dev.outbox.chaos.check.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.chaos.observe.Arrival;
import dev.outbox.chaos.observe.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliveryDelaysTest {

  private static final Timeline TIMELINE =
      Timeline.of(new Timeline.Phase("steady", at(0)), new Timeline.Phase("relay-kill-1", at(10)));

  @Test
  void delays_are_grouped_by_the_phase_the_write_was_acknowledged_in() {
    Map<UUID, Instant> acks = Map.of(id(1), at(1), id(2), at(2), id(3), at(11));
    Map<UUID, Arrival> first =
        Map.of(
            id(1), arrival(1, at(1.01)),
            id(2), arrival(2, at(2.03)),
            id(3), arrival(3, at(13)));

    List<PhaseDelay> delays = DeliveryDelays.of(acks, first, TIMELINE);

    assertThat(delays).extracting(PhaseDelay::phase).containsExactly("steady", "relay-kill-1");
    assertThat(delays.get(0).events()).isEqualTo(2);
    assertThat(delays.get(0).p50()).isEqualTo(Duration.ofMillis(10));
    assertThat(delays.get(0).max()).isEqualTo(Duration.ofMillis(30));
    assertThat(delays.get(1).max()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void
      an_event_that_arrived_before_its_writer_saw_the_commit_counts_as_zero_and_a_lost_one_not_at_all() {
    List<PhaseDelay> delays =
        DeliveryDelays.of(
            Map.of(id(1), at(1), id(2), at(2)), Map.of(id(1), arrival(1, at(0.5))), TIMELINE);

    assertThat(delays)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.events()).isEqualTo(1);
              assertThat(d.max()).isEqualTo(Duration.ZERO);
            });
  }

  @Test
  void the_quantile_is_the_nearest_rank() {
    List<Duration> sorted =
        List.of(
            Duration.ofMillis(1),
            Duration.ofMillis(2),
            Duration.ofMillis(3),
            Duration.ofMillis(100));

    assertThat(DeliveryDelays.quantile(sorted, 0.5)).isEqualTo(Duration.ofMillis(2));
    assertThat(DeliveryDelays.quantile(sorted, 0.99)).isEqualTo(Duration.ofMillis(100));
  }

  private static Arrival arrival(int n, Instant at) {
    return new Arrival(id(n), n, at, false, "x");
  }
}
