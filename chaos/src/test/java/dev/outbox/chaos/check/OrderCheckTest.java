package dev.outbox.chaos.check;

import static dev.outbox.chaos.check.Fixtures.arrival;
import static dev.outbox.chaos.check.Fixtures.event;
import static dev.outbox.chaos.check.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.chaos.observe.Arrival;
import dev.outbox.chaos.observe.CommittedEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderCheckTest {

  private static final List<CommittedEvent> A_THEN_B =
      List.of(event(1, "a", 0), event(2, "b", 1), event(3, "a", 2), event(4, "a", 3));

  @Test
  void arrivals_in_commit_order_are_in_order() {
    assertThat(
            OrderCheck.find(
                A_THEN_B, first(arrival(1, 1), arrival(2, 2), arrival(3, 3), arrival(4, 4))))
        .isEmpty();
  }

  @Test
  void other_aggregates_may_interleave_in_any_order() {
    assertThat(
            OrderCheck.find(
                A_THEN_B, first(arrival(2, 1), arrival(1, 2), arrival(3, 3), arrival(4, 4))))
        .isEmpty();
  }

  @Test
  void an_event_arriving_before_an_earlier_commit_of_its_aggregate_is_out_of_order() {
    List<OutOfOrder> found =
        OrderCheck.find(
            A_THEN_B, first(arrival(3, 1), arrival(1, 2), arrival(2, 3), arrival(4, 4)));

    assertThat(found)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.event().id()).isEqualTo(id(3));
              assertThat(o.overtaken().id()).isEqualTo(id(1));
              assertThat(o.arrival().seq()).isEqualTo(1);
            });
  }

  @Test
  void each_event_that_overtook_counts_once_and_names_the_first_it_overtook() {
    List<OutOfOrder> found =
        OrderCheck.find(
            A_THEN_B, first(arrival(4, 1), arrival(3, 2), arrival(1, 3), arrival(2, 4)));

    assertThat(found).extracting(o -> o.event().id()).containsExactly(id(3), id(4));
    assertThat(found).extracting(o -> o.overtaken().id()).containsExactly(id(1), id(1));
  }

  @Test
  void an_event_that_never_arrived_is_lost_not_out_of_order() {
    assertThat(OrderCheck.find(A_THEN_B, first(arrival(2, 1), arrival(3, 2), arrival(4, 3))))
        .isEmpty();
  }

  @Test
  void only_first_arrivals_count_so_a_late_duplicate_changes_nothing() {
    List<Arrival> arrivals =
        List.of(arrival(1, 1), arrival(3, 2), arrival(1, 3), arrival(4, 4), arrival(2, 5));

    BrokerCopies copies = BrokerCopies.of(A_THEN_B, arrivals);

    assertThat(OrderCheck.find(A_THEN_B, copies.firstArrivals())).isEmpty();
  }

  private static Map<UUID, Arrival> first(Arrival... arrivals) {
    return BrokerCopies.of(A_THEN_B, List.of(arrivals)).firstArrivals();
  }
}
