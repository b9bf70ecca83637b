package dev.outbox.bench.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishOrderTest {

  /** Position of each occurrence, per distinct event. */
  private static Map<Integer, List<Integer>> positions(int[] order) {
    Map<Integer, List<Integer>> positions = new HashMap<>();
    for (int at = 0; at < order.length; at++) {
      positions.computeIfAbsent(order[at], k -> new ArrayList<>()).add(at);
    }
    return positions;
  }

  @Test
  void publishes_every_event_once_in_order_and_a_tenth_of_them_again() {
    int[] order = PublishOrder.of(20_000, 10);

    assertThat(order).hasSize(22_000);
    var positions = positions(order);
    assertThat(positions).hasSize(20_000);
    assertThat(positions.values().stream().filter(p -> p.size() == 2)).hasSize(2_000);
    assertThat(positions.values()).allSatisfy(p -> assertThat(p.size()).isBetween(1, 2));
    // first occurrences are 0, 1, 2, ... in order
    int next = 0;
    for (int event : order) {
      if (event == next) {
        next++;
      } else {
        assertThat(event).isLessThan(next);
      }
    }
    assertThat(next).isEqualTo(20_000);
  }

  @Test
  void each_copy_follows_its_original_by_more_than_the_notifiers_window() {
    int[] order = PublishOrder.of(20_000, 10);

    positions(order).values().stream()
        .filter(p -> p.size() == 2)
        .forEach(p -> assertThat(p.get(1) - p.get(0)).isGreaterThan(PublishOrder.MAX_GAP));
  }

  @Test
  void copies_are_spread_over_the_run() {
    int[] order = PublishOrder.of(20_000, 10);

    var copied =
        positions(order).entrySet().stream()
            .filter(e -> e.getValue().size() == 2)
            .map(Map.Entry::getKey)
            .toList();
    assertThat(copied).anyMatch(e -> e < 100).anyMatch(e -> e > 19_000);
  }

  @Test
  void no_copies_at_zero_percent_and_each_event_twice_at_a_hundred() {
    assertThat(PublishOrder.of(5, 0)).containsExactly(0, 1, 2, 3, 4);
    assertThat(PublishOrder.of(3, 100)).containsExactly(0, 0, 1, 1, 2, 2);
  }

  @Test
  void the_gap_shrinks_when_there_are_few_events() {
    int[] order = PublishOrder.of(100, 50);

    assertThat(order).hasSize(150);
    assertThat(positions(order).values().stream().filter(p -> p.size() == 2)).hasSize(50);
  }

  @Test
  void rejects_a_share_outside_0_to_100() {
    assertThatThrownBy(() -> PublishOrder.of(10, 101)).isInstanceOf(IllegalArgumentException.class);
  }
}
