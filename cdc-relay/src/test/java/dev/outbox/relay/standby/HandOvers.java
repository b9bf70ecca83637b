package dev.outbox.relay.standby;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.relay.support.ReceivedMessages.Received;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the arrivals of two relays publishing to two exchanges (bound to one queue) say about a
 * hand-over between them.
 */
final class HandOvers {

  private HandOvers() {}

  /**
   * The publishing exchanges in arrival order, consecutive repeats collapsed: [A, B] means A
   * published, then B, and once B's first message arrived none of A's did (they never published at
   * the same time).
   */
  static List<String> publishers(List<Received> all) {
    List<String> runs = new ArrayList<>();
    for (Received r : all) {
      if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(r.exchange())) {
        runs.add(r.exchange());
      }
    }
    return runs;
  }

  /**
   * What both relays published is the first publisher's last events: the at-least-once window of
   * what it sent after its last position confirmed to the slot. Returns how many.
   */
  static int assertDuplicatesAreTheFirstPublishersLast(List<Received> all) {
    String first = all.get(0).exchange();
    Set<UUID> fromFirst = new LinkedHashSet<>();
    Set<UUID> fromOther = new LinkedHashSet<>();
    all.forEach(r -> (r.exchange().equals(first) ? fromFirst : fromOther).add(r.id()));
    Set<UUID> both = new LinkedHashSet<>(fromFirst);
    both.retainAll(fromOther);
    List<UUID> inOrder = List.copyOf(fromFirst);
    assertThat(inOrder.subList(inOrder.size() - both.size(), inOrder.size()))
        .as("what both published is the first publisher's last publications")
        .containsExactlyInAnyOrderElementsOf(both);
    return both.size();
  }
}
