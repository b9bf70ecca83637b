package dev.outbox.chaos.report;

import static dev.outbox.chaos.report.Text.count;

import dev.outbox.chaos.check.BrokerCopies;
import dev.outbox.chaos.check.Findings;
import dev.outbox.chaos.check.OutOfOrder;
import dev.outbox.chaos.load.OutboxWriters;
import dev.outbox.chaos.observe.Timeline;

/** Events: committed, arrived, lost, out of order (with examples), duplicates at the broker. */
final class EventSection {

  private static final int EXAMPLES = 5;

  private EventSection() {}

  static void render(Findings f, StringBuilder out) {
    BrokerCopies broker = f.broker();
    Timeline timeline = f.seen().timeline();
    long sql =
        f.seen().committed().stream()
            .filter(e -> e.type().equals(OutboxWriters.EVENT_TYPE))
            .count();
    out.append("events\n");
    line(
        out,
        "committed",
        count(f.seen().committed().size())
            + " (api "
            + count(f.seen().committed().size() - sql)
            + ", sql "
            + count(sql)
            + ")");
    line(
        out,
        "arrivals",
        count(f.seen().arrivals().size())
            + " at the audit queue (first "
            + count(broker.firstArrivals().size())
            + ", redelivered by the broker "
            + count(broker.redeliveries())
            + ")");
    line(out, "lost", count(broker.lost().size()));
    line(out, "phantoms", count(broker.phantoms().size()));
    line(
        out,
        "out of order",
        count(f.outOfOrder().size())
            + " by phase of arrival: "
            + Text.countsBy(f.outOfOrder(), o -> timeline.phaseAt(o.arrival().at())));
    f.outOfOrder().stream().limit(EXAMPLES).forEach(o -> example(out, o));
    line(
        out,
        "duplicates at broker",
        count(broker.duplicates().size())
            + " by phase: "
            + Text.countsBy(broker.duplicates(), a -> timeline.phaseAt(a.at())));
    line(out, "published_at unset", count(f.unpublished()) + " (parked " + count(f.parked()) + ")");
    line(
        out,
        "writes",
        count(f.writes().writes())
            + " acknowledged; without event "
            + count(f.writes().withoutEvent().size())
            + ", with several "
            + count(f.writes().withSeveralEvents().size()));
    out.append('\n');
  }

  private static void example(StringBuilder out, OutOfOrder o) {
    out.append("      ")
        .append(o.event().aggregate())
        .append(": ")
        .append(o.event().id())
        .append(" (commit #")
        .append(o.event().position())
        .append(") arrived before ")
        .append(o.overtaken().id())
        .append(" (commit #")
        .append(o.overtaken().position())
        .append(")\n");
  }

  static void line(StringBuilder out, String label, String value) {
    out.append(String.format("  %-22s %s%n", label, value));
  }
}
