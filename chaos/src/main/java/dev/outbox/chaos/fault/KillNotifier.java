package dev.outbox.chaos.fault;

import dev.outbox.chaos.observe.Kill;
import dev.outbox.chaos.pipeline.RoleInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * SIGKILL of one notifier in the middle of its work, then a restart: its unacknowledged messages go
 * to the other notifier, and a delivery it had claimed is taken over once its lease expires.
 */
final class KillNotifier implements Fault {

  private final int memberIndex;
  private final int number;

  KillNotifier(int memberIndex, int number) {
    this.memberIndex = memberIndex;
    this.number = number;
  }

  @Override
  public String name() {
    return "notifier-kill-" + number;
  }

  @Override
  public FaultResult inject(FaultContext context) throws Exception {
    RoleInstance notifier = context.pipeline().notifiers().get(memberIndex);
    Kill kill = notifier.kill();
    notifier.start();
    notifier.awaitRunning(context.recovery());
    Duration restarted = Duration.between(kill.at(), Instant.now());
    return new FaultResult(
        name(), kill.at(), Map.of("running again", restarted), "killed " + kill.incarnation());
  }
}
