package dev.outbox.chaos.check;

import dev.outbox.chaos.load.Write;
import dev.outbox.chaos.observe.CommittedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Invariant 1 from the writer's side: every acknowledged write committed exactly one event (an API
 * retry with the same Idempotency-Key must not raise a second one).
 *
 * @param ackTimes each committed event's acknowledgement time, where the load knows it: the start
 *     of its delivery delay
 */
public record WriteVerdict(
    int writes,
    List<Write> withoutEvent,
    List<Write> withSeveralEvents,
    Map<UUID, Instant> ackTimes) {

  public static WriteVerdict of(List<Write> writes, List<CommittedEvent> committed) {
    Map<UUID, CommittedEvent> byId = new HashMap<>();
    Map<String, List<CommittedEvent>> byTypeAndAggregate = new HashMap<>();
    for (CommittedEvent e : committed) {
      byId.put(e.id(), e);
      byTypeAndAggregate
          .computeIfAbsent(key(e.type(), e.aggregateId()), k -> new ArrayList<>())
          .add(e);
    }
    List<Write> without = new ArrayList<>();
    List<Write> several = new ArrayList<>();
    Map<UUID, Instant> ackTimes = new HashMap<>();
    for (Write w : writes) {
      List<CommittedEvent> events =
          w.eventId() != null
              ? (byId.containsKey(w.eventId()) ? List.of(byId.get(w.eventId())) : List.of())
              : byTypeAndAggregate.getOrDefault(key(w.eventType(), w.aggregateId()), List.of());
      if (events.isEmpty()) {
        without.add(w);
      } else if (events.size() > 1) {
        several.add(w);
      }
      events.forEach(e -> ackTimes.merge(e.id(), w.ackAt(), (a, b) -> a.isBefore(b) ? a : b));
    }
    return new WriteVerdict(writes.size(), without, several, ackTimes);
  }

  private static String key(String type, String aggregateId) {
    return type + "|" + aggregateId;
  }

  public boolean passed() {
    return withoutEvent.isEmpty() && withSeveralEvents.isEmpty();
  }
}
