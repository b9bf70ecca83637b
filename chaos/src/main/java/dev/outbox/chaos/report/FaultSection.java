package dev.outbox.chaos.report;

import dev.outbox.chaos.check.Findings;
import dev.outbox.chaos.fault.FaultResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;

/** The faults in order: when, what was hit, and each recovery time (standby takeover included). */
final class FaultSection {

  private FaultSection() {}

  static void render(Findings findings, Instant started, StringBuilder out) {
    out.append("faults (time from the run's start; recoveries from the fault)\n");
    for (FaultResult f : findings.seen().faults()) {
      String measures =
          f.measures().entrySet().stream()
              .map(e -> e.getKey() + " " + Text.seconds(e.getValue()))
              .collect(Collectors.joining(", "));
      out.append(
          String.format(
              Locale.ROOT,
              "  %-20s +%6.1f s  %s%n  %20s            %s%n",
              f.fault(),
              Duration.between(started, f.at()).toMillis() / 1000.0,
              f.note(),
              "",
              measures));
    }
    if (findings.seen().unrecovered() != null) {
      out.append("  stopped early: ").append(findings.seen().unrecovered()).append('\n');
    }
    out.append('\n');
  }
}
