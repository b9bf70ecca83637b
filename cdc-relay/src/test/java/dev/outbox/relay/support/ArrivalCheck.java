package dev.outbox.relay.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * First arrivals checked against commit order per aggregate: an event is out of order when it first
 * arrived after an event of its aggregate that committed later; an event is lost when it committed
 * and never arrived.
 *
 * @param outOfOrder the events that first arrived after a later-committed event of their aggregate
 * @param lost the committed events that never arrived
 * @param unknown arrivals the commit order does not hold
 */
public record ArrivalCheck(List<UUID> outOfOrder, List<UUID> lost, List<UUID> unknown) {

  /** Checks {@code firstArrivals} (ids, in arrival order, each once) against {@code commits}. */
  public static ArrivalCheck of(List<CommitOrder.Insert> commits, List<UUID> firstArrivals) {
    Map<UUID, Integer> position = new HashMap<>();
    Map<UUID, String> aggregate = new HashMap<>();
    for (int i = 0; i < commits.size(); i++) {
      position.put(commits.get(i).id(), i);
      aggregate.put(commits.get(i).id(), commits.get(i).aggregateId());
    }
    Map<String, Integer> latest = new HashMap<>();
    List<UUID> outOfOrder = new ArrayList<>();
    List<UUID> unknown = new ArrayList<>();
    for (UUID id : firstArrivals) {
      Integer p = position.get(id);
      if (p == null) {
        unknown.add(id);
        continue;
      }
      String agg = aggregate.get(id);
      if (latest.getOrDefault(agg, -1) > p) {
        outOfOrder.add(id);
      } else {
        latest.put(agg, p);
      }
    }
    Set<UUID> arrived = new HashSet<>(firstArrivals);
    List<UUID> lost =
        commits.stream().map(CommitOrder.Insert::id).filter(id -> !arrived.contains(id)).toList();
    return new ArrivalCheck(outOfOrder, lost, unknown);
  }
}
