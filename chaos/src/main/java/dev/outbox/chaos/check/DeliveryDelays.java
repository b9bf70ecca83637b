package dev.outbox.chaos.check;

import dev.outbox.chaos.observe.Arrival;
import dev.outbox.chaos.observe.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Delivery delay per phase of the run, so each fault's cost shows in its own row. */
public final class DeliveryDelays {

  private DeliveryDelays() {}

  public static List<PhaseDelay> of(
      Map<UUID, Instant> ackTimes, Map<UUID, Arrival> firstArrivals, Timeline timeline) {
    Map<String, List<Duration>> byPhase = new LinkedHashMap<>();
    timeline.phases().forEach(p -> byPhase.putIfAbsent(p.name(), new ArrayList<>()));
    ackTimes.forEach(
        (id, ackAt) -> {
          Arrival arrival = firstArrivals.get(id);
          if (arrival != null) {
            Duration delay = Duration.between(ackAt, arrival.at());
            byPhase
                .computeIfAbsent(timeline.phaseAt(ackAt), p -> new ArrayList<>())
                .add(delay.isNegative() ? Duration.ZERO : delay);
          }
        });
    List<PhaseDelay> delays = new ArrayList<>();
    byPhase.forEach(
        (phase, list) -> {
          if (!list.isEmpty()) {
            list.sort(null);
            delays.add(
                new PhaseDelay(
                    phase,
                    list.size(),
                    quantile(list, 0.5),
                    quantile(list, 0.99),
                    list.get(list.size() - 1)));
          }
        });
    return delays;
  }

  /** The nearest-rank quantile of a sorted list. */
  static Duration quantile(List<Duration> sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
