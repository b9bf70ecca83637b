package dev.outbox.chaos.report;

import static dev.outbox.chaos.report.Text.count;

import dev.outbox.chaos.check.CheckResult;
import dev.outbox.chaos.check.Findings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The run's report: the faults and their recoveries, the event, notification and HTTP counts,
 * delivery delay per phase, the checks, and the final line scripts/chaos and CI read ({@code chaos:
 * 9 passed, 1 failed}).
 */
public final class Report {

  private final String plan;
  private final Instant started;
  private final Instant ended;
  private final Findings findings;

  public Report(String plan, Instant started, Instant ended, Findings findings) {
    this.plan = plan;
    this.started = started;
    this.ended = ended;
    this.findings = findings;
  }

  /** The final line when a run could not even be carried out (services did not start, ...). */
  public static String brokenRun(String why) {
    return "chaos: the run could not be carried out: " + why + "\nchaos: 0 passed, 1 failed\n";
  }

  public boolean passed() {
    return findings.passed();
  }

  public String render() {
    StringBuilder out = new StringBuilder();
    Duration took = Duration.between(started, ended);
    out.append("chaos --")
        .append(plan)
        .append(": ")
        .append(started)
        .append(", ")
        .append(took.toSeconds())
        .append(" s; ")
        .append(findings.seen().drained() ? "drained" : "NOT drained within the bound")
        .append("\n\n");
    FaultSection.render(findings, started, out);
    EventSection.render(findings, out);
    NotificationSection.render(findings, out);
    HttpSection.render(findings.http(), out);
    DelaySection.render(findings.delays(), out);
    List<CheckResult> checks = findings.checks();
    out.append("checks\n");
    for (CheckResult check : checks) {
      out.append(check.passed() ? "  PASS  " : "  FAIL  ")
          .append(check.name())
          .append(" (")
          .append(check.detail())
          .append(")\n");
    }
    long passed = checks.stream().filter(CheckResult::passed).count();
    out.append("chaos: ")
        .append(count(passed))
        .append(" passed, ")
        .append(count(checks.size() - passed))
        .append(" failed\n");
    return out.toString();
  }
}
