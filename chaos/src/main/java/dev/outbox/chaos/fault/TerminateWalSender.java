package dev.outbox.chaos.fault;

import dev.outbox.chaos.pipeline.SlotWatch;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code pg_terminate_backend} on the walsender of the relay's slot: the replication connection
 * breaks while the relay process, its lock and its pool stay up.
 */
final class TerminateWalSender implements Fault {

  private final int number;

  TerminateWalSender(int number) {
    this.number = number;
  }

  @Override
  public String name() {
    return "walsender-kill-" + number;
  }

  @Override
  public FaultResult inject(FaultContext context) throws Exception {
    SlotWatch slots = context.pipeline().slots();
    Instant asked = Instant.now();
    Recovery.await(
        "the slot streaming", context.recovery(), asked, () -> slots.streamingPid().isPresent());
    int old = slots.streamingPid().orElseThrow();
    Instant at = Instant.now();
    boolean ended = slots.terminateWalSender();
    Map<String, Duration> measures = new LinkedHashMap<>();
    measures.put(
        "streaming again",
        Recovery.await(
            "the slot streaming again",
            context.recovery(),
            at,
            () -> slots.streamingPid().filter(pid -> pid != old).isPresent()));
    measures.put("deliveries resumed", Recovery.deliveriesResumed(context, at, at));
    return new FaultResult(
        name(), at, measures, ended ? "terminated walsender " + old : "walsender already gone");
  }
}
