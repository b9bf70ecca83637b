package dev.outbox.chaos.report;

import static dev.outbox.chaos.report.Text.count;

import dev.outbox.chaos.check.DuplicateSend;
import dev.outbox.chaos.check.Findings;
import dev.outbox.chaos.check.SendVerdict;
import dev.outbox.chaos.observe.Timeline;

/** Notifications: expected, accepted, missing, duplicates (in the crash window, by kill). */
final class NotificationSection {

  private NotificationSection() {}

  static void render(Findings f, StringBuilder out) {
    SendVerdict sends = f.sends();
    out.append("notifications\n");
    EventSection.line(out, "expected", count(sends.expected()));
    EventSection.line(
        out,
        "accepted by provider",
        count(sends.accepted())
            + " (of "
            + count(f.seen().requests().size())
            + " requests; the rest were the stand-in's 503s)");
    EventSection.line(out, "missing", count(sends.missing().size()));
    EventSection.line(out, "unexpected", count(sends.unexpected().size()));
    EventSection.line(
        out,
        "duplicate sends",
        count(sends.duplicates().size())
            + ": in the crash window "
            + count(sends.inCrashWindow().size())
            + " ("
            + Text.countsBy(sends.inCrashWindow(), DuplicateSend::window)
            + "), outside "
            + count(sends.outsideCrashWindow().size()));
    Timeline timeline = f.seen().timeline();
    EventSection.line(
        out,
        "outside, by phase",
        Text.countsBy(
            sends.outsideCrashWindow(),
            d -> "first sent near the start of " + timeline.nearestPhase(d.earlier().at())));
    for (DuplicateSend d : sends.outsideCrashWindow()) {
      out.append("      ")
          .append(d.notification())
          .append(": requests #")
          .append(d.earlier().seq())
          .append(" (")
          .append(d.earlier().sender())
          .append(", in ")
          .append(timeline.phaseAt(d.earlier().at()))
          .append(") and #")
          .append(d.again().seq())
          .append(" (")
          .append(d.again().sender())
          .append(", in ")
          .append(timeline.phaseAt(d.again().at()))
          .append(")\n");
    }
    EventSection.line(out, "deliveries by state", f.seen().deliveryStates().toString());
    out.append('\n');
  }
}
