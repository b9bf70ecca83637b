package dev.outbox.chaos.check;

import dev.outbox.chaos.observe.Arrival;
import dev.outbox.chaos.observe.CommittedEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Invariant 3, checked on first arrivals: within an aggregate, events must first arrive in the
 * order they committed. Duplicates that come later (a resend after a crash) do not count; an event
 * that never arrived is lost, not out of order.
 */
public final class OrderCheck {

  private OrderCheck() {}

  /**
   * Every event whose first arrival precedes the first arrival of an event committed before it in
   * the same aggregate.
   *
   * @param committed all events in commit order
   */
  public static List<OutOfOrder> find(List<CommittedEvent> committed, Map<UUID, Arrival> first) {
    Map<String, List<CommittedEvent>> byAggregate = new LinkedHashMap<>();
    for (CommittedEvent event : committed) {
      byAggregate.computeIfAbsent(event.aggregate(), a -> new ArrayList<>()).add(event);
    }
    List<OutOfOrder> found = new ArrayList<>();
    for (List<CommittedEvent> events : byAggregate.values()) {
      found.addAll(inOneAggregate(events, first));
    }
    return found;
  }

  private static List<OutOfOrder> inOneAggregate(
      List<CommittedEvent> events, Map<UUID, Arrival> first) {
    List<OutOfOrder> found = new ArrayList<>();
    List<CommittedEvent> arrivedSoFar = new ArrayList<>();
    long latestSoFar = 0;
    for (CommittedEvent event : events) {
      Arrival arrival = first.get(event.id());
      if (arrival == null) {
        continue;
      }
      if (latestSoFar > arrival.seq()) { // rare: only then look for whom it overtook
        arrivedSoFar.stream()
            .filter(earlier -> first.get(earlier.id()).seq() > arrival.seq())
            .findFirst()
            .ifPresent(overtaken -> found.add(new OutOfOrder(event, overtaken, arrival)));
      }
      latestSoFar = Math.max(latestSoFar, arrival.seq());
      arrivedSoFar.add(event);
    }
    return found;
  }
}
