package dev.outbox.chaos.report;

import dev.outbox.chaos.check.PhaseDelay;
import java.util.List;
import java.util.Locale;

/** Delivery delay per phase: from the writer seeing its commit to the event's first arrival. */
final class DelaySection {

  private DelaySection() {}

  static void render(List<PhaseDelay> delays, StringBuilder out) {
    out.append("delivery delay (write acknowledged -> first arrival at the audit queue)\n");
    out.append(
        String.format(
            Locale.ROOT, "  %-20s %8s %10s %10s %10s%n", "phase", "events", "p50", "p99", "max"));
    for (PhaseDelay d : delays) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %-20s %8d %10s %10s %10s%n",
              d.phase(),
              d.events(),
              Text.millis(d.p50()),
              Text.millis(d.p99()),
              Text.millis(d.max())));
    }
    out.append('\n');
  }
}
