package dev.outbox.chaos.check;

import dev.outbox.chaos.observe.CommittedEvent;
import dev.outbox.chaos.observe.OutboxRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The checker: every verdict computed from a run's observations, and the pass/fail list. */
public record Findings(
    Observations seen,
    BrokerCopies broker,
    List<OutOfOrder> outOfOrder,
    long unpublished,
    long parked,
    int notInCommitLog,
    SendVerdict sends,
    HttpVerdict http,
    WriteVerdict writes,
    List<PhaseDelay> delays) {

  public static Findings of(Observations seen) {
    BrokerCopies broker = BrokerCopies.of(seen.committed(), seen.arrivals());
    Set<UUID> logged = new HashSet<>();
    seen.committed().stream().map(CommittedEvent::id).forEach(logged::add);
    WriteVerdict writes = WriteVerdict.of(seen.writes(), seen.committed());
    return new Findings(
        seen,
        broker,
        OrderCheck.find(seen.committed(), broker.firstArrivals()),
        seen.rows().stream().filter(r -> !r.published()).count(),
        seen.rows().stream().filter(OutboxRow::parked).count(),
        (int) seen.rows().stream().filter(r -> !logged.contains(r.id())).count(),
        SendCheck.check(
            ExpectedNotifications.of(seen.rows()),
            seen.requests(),
            seen.notifierKills(),
            seen.unrecorded()),
        HttpVerdict.of(seen.outcomes()),
        writes,
        DeliveryDelays.of(writes.ackTimes(), broker.firstArrivals(), seen.timeline()));
  }

  public List<CheckResult> checks() {
    List<CheckResult> checks = new ArrayList<>();
    checks.add(
        check(
            "every fault recovered in time",
            seen.unrecovered() == null,
            seen.unrecovered() == null ? "all " + seen.faults().size() : seen.unrecovered()));
    checks.add(
        check(
            "the commit-order log has every outbox row",
            notInCommitLog == 0,
            notInCommitLog + " rows missing from it"));
    checks.add(
        check(
            "every committed event reached the exchange",
            broker.lost().isEmpty(),
            "lost " + broker.lost().size()));
    checks.add(
        check(
            "nothing reached the exchange that did not commit",
            broker.phantoms().isEmpty(),
            "phantoms " + broker.phantoms().size()));
    checks.add(
        check(
            "first arrivals follow commit order per aggregate",
            outOfOrder.isEmpty(),
            "out of order " + outOfOrder.size()));
    checks.add(
        check(
            "published_at is set on every row",
            unpublished == 0,
            "unset " + unpublished + " (parked " + parked + ")"));
    checks.add(
        check(
            "every acknowledged write raised exactly one event",
            writes.passed(),
            "without event "
                + writes.withoutEvent().size()
                + ", with several "
                + writes.withSeveralEvents().size()));
    checks.add(
        check(
            "every notification the events call for was sent",
            sends.missing().isEmpty() && sends.unexpected().isEmpty(),
            "missing " + sends.missing().size() + ", unexpected " + sends.unexpected().size()));
    checks.add(
        check(
            "no duplicate send outside the documented crash window",
            sends.outsideCrashWindow().isEmpty(),
            "outside "
                + sends.outsideCrashWindow().size()
                + ", in the window "
                + sends.inCrashWindow().size()));
    checks.add(
        check(
            "every HTTP request ended in a non-5xx answer",
            http.passed(),
            "5xx " + http.serverErrors().size() + ", unanswered " + http.unanswered().size()));
    return checks;
  }

  private static CheckResult check(String name, boolean passed, String detail) {
    return new CheckResult(name, passed, detail);
  }

  public boolean passed() {
    return checks().stream().allMatch(CheckResult::passed);
  }
}
