package dev.outbox.chaos.observe;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The run's phases in order ("first-snapshot", "steady", "relay-kill-1", ...): each lasts until the
 * next begins, so every instant of the run belongs to exactly one phase, and the checker can say in
 * which fault's phase an event was written, arrived late or out of order.
 */
public final class Timeline {

  /** One phase and when it began. */
  public record Phase(String name, Instant start) {}

  private final List<Phase> phases = new CopyOnWriteArrayList<>();

  public Timeline() {}

  /** A timeline with these phases, for tests and reports. */
  public static Timeline of(Phase... phases) {
    Timeline timeline = new Timeline();
    timeline.phases.addAll(List.of(phases));
    return timeline;
  }

  public void enter(String name) {
    phases.add(new Phase(name, Instant.now()));
  }

  public List<Phase> phases() {
    return List.copyOf(phases);
  }

  /**
   * The phase whose start is nearest to {@code at}, before or after: what a moment just before a
   * fault began is most likely caught up in (a send whose recording the fault then broke).
   */
  public String nearestPhase(Instant at) {
    return phases.stream()
        .min(Comparator.comparing((Phase p) -> Duration.between(p.start(), at).abs()))
        .map(Phase::name)
        .orElse("setup");
  }

  /** The phase {@code at} falls in; "setup" before the first one. */
  public String phaseAt(Instant at) {
    String name = "setup";
    for (Phase phase : phases) {
      if (phase.start().isAfter(at)) {
        break;
      }
      name = phase.name();
    }
    return name;
  }
}
