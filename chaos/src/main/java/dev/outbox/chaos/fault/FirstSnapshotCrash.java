package dev.outbox.chaos.fault;

import dev.outbox.chaos.load.OutboxWriters;
import dev.outbox.chaos.observe.Kill;
import dev.outbox.chaos.pipeline.RoleInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The first-start case: a relay starts against a database with unpublished rows and neither slot
 * nor stored offset, so it creates its slot and publishes the backlog through its first-start
 * snapshot while the writers go on; it is SIGKILLed in its first seconds, restarted, killed again,
 * and finally left to finish. The kills come at different points: as soon as the first launch
 * publishes, once half the backlog has arrived, once all of it has (each time as soon as that
 * launch has published something). This is where a re-run snapshot can publish rows out of commit
 * order (issue 16).
 */
public final class FirstSnapshotCrash {

  private final int kills;
  private final long backlog;
  private final OutboxWriters writers;
  private final Duration writerPace;

  /**
   * @param backlog unpublished rows written before the relay's first start
   * @param writerPace the writers' pause between transactions once the backlog is written
   */
  public FirstSnapshotCrash(int kills, long backlog, OutboxWriters writers, Duration writerPace) {
    this.kills = kills;
    this.backlog = backlog;
    this.writers = writers;
    this.writerPace = writerPace;
  }

  /**
   * Distinct events that must have arrived (since the run began) before launch {@code i}, once it
   * publishes, is killed: 1, half the backlog, all of it, 1, ... A re-run snapshot publishes the
   * backlog again, a launch resuming from a stored offset only what follows it.
   */
  private long threshold(int i) {
    return switch ((i - 1) % 3) {
      case 0 -> 1;
      case 1 -> backlog / 2;
      default -> backlog;
    };
  }

  public FaultResult run(FaultContext context) throws Exception {
    Instant began = Instant.now();
    writers.pace(Duration.ZERO);
    Recovery.await(
        "a backlog of " + backlog + " rows",
        Duration.ofMinutes(5),
        began,
        () -> writers.written() >= backlog);
    writers.pace(writerPace);
    RoleInstance relay = context.pipeline().relays().get(0);
    Map<String, Duration> measures = new LinkedHashMap<>();
    StringBuilder note = new StringBuilder(writers.written() + " rows before the first start;");
    for (int i = 1; i <= kills; i++) {
      int before = context.audit().count();
      long threshold = threshold(i);
      context.timeline().enter("first-snapshot-launch-" + i);
      Instant launched = Instant.now();
      relay.start();
      measures.put(
          "launch " + i + " to kill point",
          Recovery.await(
              "relay " + i + " publishing, " + threshold + " distinct events arrived",
              context.recovery(),
              launched,
              () ->
                  (context.audit().count() > before && context.audit().distinct() >= threshold)
                      || !relay.current().alive()));
      Recovery.hold(Duration.ofMillis(ThreadLocalRandom.current().nextInt(300)));
      Kill kill = relay.kill();
      note.append(" ")
          .append(kill.incarnation())
          .append(" killed after ")
          .append(context.audit().count() - before)
          .append(" arrivals;");
    }
    context.timeline().enter("first-snapshot-launch-" + (kills + 1));
    Instant last = Instant.now();
    relay.start();
    relay.awaitRunning(context.recovery());
    measures.put(
        "final start to streaming",
        Recovery.await(
            "the slot streaming",
            context.recovery(),
            last,
            () -> context.pipeline().slots().streamingPid().isPresent()));
    return new FaultResult("first-snapshot", began, measures, note.toString().trim());
  }
}
