package dev.outbox.chaos.check;

import static dev.outbox.chaos.check.Fixtures.arrival;
import static dev.outbox.chaos.check.Fixtures.event;
import static dev.outbox.chaos.check.Fixtures.id;
import static dev.outbox.chaos.check.Fixtures.redelivery;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.chaos.observe.Arrival;
import dev.outbox.chaos.observe.CommittedEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrokerCopiesTest {

  private static final List<CommittedEvent> COMMITTED =
      List.of(event(1, "a", 0), event(2, "a", 1), event(3, "b", 2));

  @Test
  void a_second_publication_is_a_duplicate_and_a_broker_redelivery_is_not() {
    BrokerCopies copies =
        BrokerCopies.of(
            COMMITTED,
            List.of(arrival(1, 1), arrival(2, 2), arrival(3, 3), arrival(1, 4), redelivery(2, 5)));

    assertThat(copies.duplicates()).extracting(Arrival::seq).containsExactly(4L);
    assertThat(copies.redeliveries()).isEqualTo(1);
    assertThat(copies.firstArrivals().get(id(1)).seq()).isEqualTo(1);
    assertThat(copies.lost()).isEmpty();
  }

  @Test
  void a_committed_event_without_arrival_is_lost() {
    BrokerCopies copies = BrokerCopies.of(COMMITTED, List.of(arrival(1, 1), arrival(3, 2)));

    assertThat(copies.lost()).extracting(CommittedEvent::id).containsExactly(id(2));
  }

  @Test
  void an_arrival_of_nothing_committed_is_a_phantom() {
    Arrival noId = new Arrival(null, 3, Fixtures.at(3), false, "x");

    BrokerCopies copies =
        BrokerCopies.of(
            COMMITTED, List.of(arrival(1, 1), arrival(9, 2), noId, arrival(2, 4), arrival(3, 5)));

    assertThat(copies.phantoms()).extracting(Arrival::seq).containsExactly(2L, 3L);
    assertThat(copies.duplicates()).isEmpty();
  }
}
