package dev.outbox.chaos.check;

import dev.outbox.chaos.observe.Arrival;
import dev.outbox.chaos.observe.CommittedEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What reached the exchange, per event id, against what committed.
 *
 * @param firstArrivals each event's first arrival at the audit queue
 * @param duplicates further copies the relay published (not flagged as redelivered by the broker)
 * @param redeliveries copies the broker delivered again to the audit consumer (an ack lost in a
 *     broker restart): not the relay's doing, reported apart
 * @param lost committed events that never arrived
 * @param phantoms arrivals of no committed event (an event of a rolled-back change, or no id)
 */
public record BrokerCopies(
    Map<UUID, Arrival> firstArrivals,
    List<Arrival> duplicates,
    int redeliveries,
    List<CommittedEvent> lost,
    List<Arrival> phantoms) {

  public static BrokerCopies of(List<CommittedEvent> committed, List<Arrival> arrivals) {
    Set<UUID> committedIds = new HashSet<>();
    committed.forEach(e -> committedIds.add(e.id()));
    Map<UUID, Arrival> first = new HashMap<>();
    List<Arrival> duplicates = new ArrayList<>();
    List<Arrival> phantoms = new ArrayList<>();
    int redeliveries = 0;
    for (Arrival arrival : arrivals) {
      if (arrival.id() == null || !committedIds.contains(arrival.id())) {
        phantoms.add(arrival);
      } else if (first.putIfAbsent(arrival.id(), arrival) == null) {
        continue;
      } else if (arrival.redelivered()) {
        redeliveries++;
      } else {
        duplicates.add(arrival);
      }
    }
    List<CommittedEvent> lost = committed.stream().filter(e -> !first.containsKey(e.id())).toList();
    return new BrokerCopies(first, duplicates, redeliveries, lost, phantoms);
  }
}
