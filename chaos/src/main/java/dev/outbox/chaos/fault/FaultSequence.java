package dev.outbox.chaos.fault;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The order of the faults: round after round, one of each kind that has some left (active relay, a
 * notifier, graceful broker restart, walsender, broker SIGKILL, PostgreSQL crash), so the kinds
 * interleave and every kind meets a pipeline that has just recovered from another.
 */
public final class FaultSequence {

  private FaultSequence() {}

  public static List<Fault> of(FaultCounts counts) {
    List<Deque<Fault>> kinds = new ArrayList<>();
    kinds.add(kind(counts.relayKills(), KillActiveRelay::new));
    kinds.add(kind(counts.notifierKills(), n -> new KillNotifier((n - 1) % 2, n)));
    kinds.add(kind(counts.brokerRestarts(), RestartBroker::gracefully));
    kinds.add(kind(counts.walSenderKills(), TerminateWalSender::new));
    kinds.add(kind(counts.brokerKills(), RestartBroker::byKill));
    kinds.add(kind(counts.postgresRestarts(), RestartPostgres::new));
    List<Fault> sequence = new ArrayList<>();
    while (kinds.stream().anyMatch(k -> !k.isEmpty())) {
      for (Deque<Fault> kind : kinds) {
        if (!kind.isEmpty()) {
          sequence.add(kind.poll());
        }
      }
    }
    return sequence;
  }

  private static Deque<Fault> kind(int count, java.util.function.IntFunction<Fault> make) {
    Deque<Fault> faults = new ArrayDeque<>();
    for (int n = 1; n <= count; n++) {
      faults.add(make.apply(n));
    }
    return faults;
  }
}
