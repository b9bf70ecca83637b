package dev.outbox.chaos;

import dev.outbox.chaos.fault.FaultCounts;
import java.time.Duration;

/**
 * The shape of a run: which faults, how much load, how long to wait. {@code --short} fits CI (a few
 * minutes); {@code --long} is the one RELIABILITY.md reports; {@code --medium} is the one it
 * reports when the machine is too loaded for the long one.
 *
 * @param snapshotKills SIGKILLs of the relay during its first-start snapshot
 * @param snapshotBacklog unpublished rows written before the relay's first start
 * @param steady load between two faults
 * @param outage how long a stopped broker stays down
 * @param customerWorkers concurrent HTTP customer journeys
 * @param thinkTime each customer worker's pause between journeys
 * @param sqlWriters concurrent direct outbox writers (chaos.tick events on 60 aggregates)
 * @param sqlPace each SQL writer's pause between transactions after the backlog
 * @param recovery the longest any single recovery may take before the run fails (90 s in both
 *     forms: on a loaded 2-core machine a notifier's JVM took just over 60 s to start)
 * @param drain the longest the pipeline may take to deliver and send everything after the load
 */
public record ChaosPlan(
    String name,
    FaultCounts faults,
    int snapshotKills,
    long snapshotBacklog,
    Duration steady,
    Duration outage,
    int customerWorkers,
    Duration thinkTime,
    int sqlWriters,
    Duration sqlPace,
    Duration recovery,
    Duration drain) {

  public static ChaosPlan shortRun() {
    return new ChaosPlan(
        "short",
        new FaultCounts(2, 2, 1, 1, 1, 1),
        2,
        6_000,
        Duration.ofSeconds(6),
        Duration.ofSeconds(3),
        3,
        Duration.ofMillis(150),
        3,
        Duration.ofMillis(100),
        Duration.ofSeconds(90),
        Duration.ofSeconds(90));
  }

  /**
   * Between the two, for a machine too loaded for the long form's 25 faults: every fault kind, two
   * PostgreSQL restarts each followed by relay kills, the long form's load and waits.
   */
  public static ChaosPlan mediumRun() {
    return new ChaosPlan(
        "medium",
        new FaultCounts(4, 2, 1, 1, 1, 2),
        3,
        10_000,
        Duration.ofSeconds(10),
        Duration.ofSeconds(5),
        4,
        Duration.ofMillis(100),
        4,
        Duration.ofMillis(50),
        Duration.ofSeconds(90),
        Duration.ofSeconds(180));
  }

  public static ChaosPlan longRun() {
    return new ChaosPlan(
        "long",
        new FaultCounts(10, 6, 2, 2, 3, 2),
        3,
        20_000,
        Duration.ofSeconds(20),
        Duration.ofSeconds(8),
        4,
        Duration.ofMillis(100),
        4,
        Duration.ofMillis(50),
        Duration.ofSeconds(90),
        Duration.ofSeconds(180));
  }
}
