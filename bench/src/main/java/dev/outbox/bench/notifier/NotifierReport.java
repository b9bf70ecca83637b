package dev.outbox.bench.notifier;

import dev.outbox.bench.BenchConfig;
import dev.outbox.bench.contestant.JavaOpts;
import dev.outbox.bench.report.Spread;
import dev.outbox.bench.report.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** The notifier section of results.md: method, one table per figure, the dedup audit. */
final class NotifierReport {

  private NotifierReport() {}

  static String render(BenchConfig config, List<NotifierResult> results, List<String> notes) {
    NotifierConsumerSettings settings = results.get(0).settings();
    var md = new StringBuilder();
    md.append(
        String.format(
            "Method: per repetition, on a fresh database and exchange, %,d `user.created` events"
                + " (docs/events.md; every user has an email and a phone) plus %d %% exact copies"
                + " (same event id, up to %d messages after the original) are published with"
                + " confirms; then `java -jar outbox.jar notifier` starts in a child JVM (%s, EMAIL_ADAPTER=log,"
                + " SMS_ADAPTER=log, NOTIFIER_CONCURRENCY=%d, NOTIFIER_PREFETCH=%d) and is polled"
                + " every 20 ms until, for each of its two consumers, nothing waits in its work and"
                + " delay queues and every event is recorded: welcome email and SMS `SENT` in"
                + " `notifier.deliveries` (notifications), a row in `notifier.analytics_events`"
                + " (analytics, on a queue of its own). Then, notifier running, as many fresh"
                + " events again are published as fast as RabbitMQ confirms (%d in flight) and timed"
                + " from the first publish. Each phase is bounded by"
                + " BENCH_NOTIFIER_TIMEOUT_SECONDS=%d. Rates count distinct events; CPU is the"
                + " notifier's utime+stime over the timed span per event, RSS its peak (VmHWM).\n",
            config.notifier().events(),
            config.notifier().duplicatePercent(),
            PublishOrder.MAX_GAP,
            config.notifier().javaOpts().isBlank()
                ? "JVM defaults"
                : "`" + String.join(" ", JavaOpts.split(config.notifier().javaOpts())) + "`",
            settings.concurrency(),
            settings.prefetch(),
            ConfirmedPublishing.WINDOW,
            config.notifier().timeoutSeconds()));
    md.append("\n### Backlog: events published first, notifier launched afterwards\n\n");
    md.append(backlog(results));
    List<NotifierResult> steady = results.stream().filter(r -> r.steady() != null).toList();
    md.append("\n### Steady: notifier running, events published as fast as RabbitMQ confirms\n\n");
    md.append(steady.isEmpty() ? "Not measured: no backlog drained.\n" : steady(steady));
    md.append("\n### Dedup and side effects (both phases, after the notifier stopped)\n\n");
    md.append(audit(results));
    List<String> all = new ArrayList<>(notes);
    for (NotifierResult r : results) {
      if (!r.backlog().complete()) {
        all.add(
            String.format(
                "rep %d: the backlog was cut short by BENCH_NOTIFIER_TIMEOUT_SECONDS=%d at %,d"
                    + " events; no steady phase",
                r.rep(), config.notifier().timeoutSeconds(), r.backlog().processed()));
      } else if (!r.steady().complete()) {
        all.add(
            String.format(
                "rep %d: the steady phase was cut short by BENCH_NOTIFIER_TIMEOUT_SECONDS=%d at"
                    + " %,d events",
                r.rep(), config.notifier().timeoutSeconds(), r.steady().processed()));
      }
    }
    if (!all.isEmpty()) {
      md.append('\n');
      all.forEach(note -> md.append("- ").append(note).append('\n'));
    }
    return md.toString();
  }

  private static String backlog(List<NotifierResult> results) {
    var table =
        new Table(
            "events published",
            "processed",
            "publish msg/s",
            "launch → first processed (ms)",
            "launch → drained (s)",
            "events/s (first processed → drained)",
            "notifications alone (events/s)",
            "analytics alone (events/s)",
            "CPU µs/event",
            "peak RSS (MiB)");
    NotifierPhase first = results.get(0).backlog();
    table.row(
        published(first),
        processed(results, NotifierResult::backlog),
        spread(results, r -> r.backlog().publishRate()),
        spread(results, r -> r.backlog().launchToFirstMs()),
        spread(results, r -> r.backlog().toDrainedS()),
        spread(results, r -> r.backlog().eventsPerSecond()),
        spread(results, r -> r.backlog().notificationsPerSecond()),
        spread(results, r -> r.backlog().analyticsPerSecond()),
        spread(results, r -> r.backlog().cpuMicrosPerEvent()),
        spread(results, r -> r.backlog().peakRssMib()));
    return table.render();
  }

  private static String steady(List<NotifierResult> results) {
    var table =
        new Table(
            "events published",
            "processed",
            "publish msg/s",
            "first publish → drained (s)",
            "events/s",
            "notifications alone (events/s)",
            "analytics alone (events/s)",
            "CPU µs/event",
            "peak RSS (MiB)");
    NotifierPhase first = results.get(0).steady();
    table.row(
        published(first),
        processed(results, NotifierResult::steady),
        spread(results, r -> r.steady().publishRate()),
        spread(results, r -> r.steady().toDrainedS()),
        spread(results, r -> r.steady().eventsPerSecond()),
        spread(results, r -> r.steady().notificationsPerSecond()),
        spread(results, r -> r.steady().analyticsPerSecond()),
        spread(results, r -> r.steady().cpuMicrosPerEvent()),
        spread(results, r -> r.steady().peakRssMib()));
    return table.render();
  }

  private static String audit(List<NotifierResult> results) {
    var table =
        new Table(
            "rep",
            "distinct events",
            "exact copies",
            "emails / SMS logged",
            "distinct events emailed / texted",
            "delivery rows: email / SMS / not SENT / not sent exactly once",
            "counted (analytics) / users_created",
            "copies skipped as already sent",
            "dead-lettered",
            "one email and one SMS per event");
    for (NotifierResult r : results) {
      var log = r.messages();
      var audit = r.audit();
      table.row(
          r.rep(),
          count(r.distinct()),
          count(r.copies()),
          count(log.emails()) + " / " + count(log.sms()),
          count(log.emailedEvents()) + " / " + count(log.textedEvents()),
          count(audit.emailRows())
              + " / "
              + count(audit.smsRows())
              + " / "
              + count(audit.unsent())
              + " / "
              + count(audit.notOneAttempt()),
          count(audit.counted()) + " / " + count(audit.usersCreated()),
          count(log.skipped()),
          count(r.deadLettered()),
          oncePerEvent(r) ? "yes" : "**no**");
    }
    return table.render();
  }

  /** Every distinct event got exactly one email and one SMS, and was counted once. */
  static boolean oncePerEvent(NotifierResult r) {
    long n = r.distinct();
    var log = r.messages();
    var audit = r.audit();
    return log.emails() == n
        && log.emailedEvents() == n
        && log.sms() == n
        && log.textedEvents() == n
        && audit.emailRows() == n
        && audit.smsRows() == n
        && audit.unsent() == 0
        && audit.notOneAttempt() == 0
        && audit.counted() == n
        && audit.usersCreated() == n;
  }

  private static String published(NotifierPhase phase) {
    return count(phase.distinct()) + " + " + count(phase.copies()) + " copies";
  }

  private static String processed(
      List<NotifierResult> results, Function<NotifierResult, NotifierPhase> phase) {
    long done = results.stream().map(phase).mapToLong(NotifierPhase::processed).sum();
    long all = results.stream().map(phase).mapToLong(NotifierPhase::distinct).sum();
    return done == all ? "all " + count(all) : count(done) + " of " + count(all);
  }

  private static String spread(
      List<NotifierResult> results, ToDoubleFunction<NotifierResult> figure) {
    return Spread.of(results.stream().map(figure::applyAsDouble).toList()).format();
  }

  private static String count(long n) {
    return String.format("%,d", n);
  }
}
