package dev.outbox.chaos.report;

import static dev.outbox.chaos.report.Text.count;

import dev.outbox.chaos.check.HttpVerdict;
import dev.outbox.chaos.load.HttpOutcome;

/** HTTP: requests by final status, retries, replays, and every 5xx or unanswered one. */
final class HttpSection {

  private HttpSection() {}

  static void render(HttpVerdict http, StringBuilder out) {
    out.append("http\n");
    EventSection.line(
        out,
        "requests",
        count(http.requests())
            + " ("
            + count(http.attempts())
            + " attempts; retried "
            + count(http.retried())
            + ", final answer replayed "
            + count(http.replayed())
            + ")");
    EventSection.line(out, "final status", http.byStatus().toString() + " (-1: no answer)");
    for (HttpOutcome o : http.serverErrors()) {
      detail(out, o);
    }
    for (HttpOutcome o : http.unanswered()) {
      detail(out, o);
    }
    http.clientErrors().stream().limit(10).forEach(o -> detail(out, o));
    out.append('\n');
  }

  private static void detail(StringBuilder out, HttpOutcome o) {
    out.append("      ")
        .append(o.route())
        .append(" key ")
        .append(o.key())
        .append(": ")
        .append(o.status())
        .append(" after ")
        .append(o.attempts())
        .append(" attempts, ")
        .append(o.lastError())
        .append('\n');
  }
}
