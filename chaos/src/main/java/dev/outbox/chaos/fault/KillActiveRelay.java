package dev.outbox.chaos.fault;

import dev.outbox.chaos.observe.Kill;
import dev.outbox.chaos.pipeline.Pipeline;
import dev.outbox.chaos.pipeline.RoleInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SIGKILL of the active relay while the load runs: its session and lock die with it, the standby
 * takes the lock and resumes from the stored WAL position; the killed member is started again and
 * becomes the standby.
 */
final class KillActiveRelay implements Fault {

  private final int number;

  KillActiveRelay(int number) {
    this.number = number;
  }

  @Override
  public String name() {
    return "relay-kill-" + number;
  }

  @Override
  public FaultResult inject(FaultContext context) throws Exception {
    Pipeline pipeline = context.pipeline();
    Instant asked = Instant.now();
    Recovery.await(
        "a relay active and streaming",
        context.recovery(),
        asked,
        () -> pipeline.activeRelay().isPresent() && pipeline.slots().streamingPid().isPresent());
    RoleInstance active = pipeline.activeRelay().orElseThrow();
    RoleInstance standby = pipeline.otherRelay(active);
    int oldWalSender = pipeline.slots().streamingPid().orElse(-1);
    Kill kill = active.kill();
    Map<String, Duration> measures = new LinkedHashMap<>();
    measures.put(
        "lock taken over",
        Recovery.await(
            standby.name() + " taking the lock",
            context.recovery(),
            kill.at(),
            () -> pipeline.activeRelay().filter(r -> r == standby).isPresent()));
    measures.put(
        "streaming again",
        Recovery.await(
            "the slot streaming to " + standby.name(),
            context.recovery(),
            kill.at(),
            () -> pipeline.slots().streamingPid().filter(pid -> pid != oldWalSender).isPresent()));
    measures.put("deliveries resumed", Recovery.deliveriesResumed(context, kill.at(), kill.at()));
    active.start();
    active.awaitRunning(context.recovery());
    return new FaultResult(name(), kill.at(), measures, "killed " + kill.incarnation());
  }
}
