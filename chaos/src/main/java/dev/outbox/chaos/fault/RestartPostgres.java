package dev.outbox.chaos.fault;

import dev.outbox.chaos.pipeline.SlotWatch;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code pg_ctl -m immediate restart}: PostgreSQL crashes (no shutdown checkpoint, every session
 * and the walsender gone at once, crash recovery from the WAL) under the api, the relays, the
 * notifiers and the writers, then accepts connections again.
 */
final class RestartPostgres implements Fault {

  private final int number;

  RestartPostgres(int number) {
    this.number = number;
  }

  @Override
  public String name() {
    return "postgres-restart-" + number;
  }

  @Override
  public FaultResult inject(FaultContext context) throws Exception {
    SlotWatch slots = context.pipeline().slots();
    Instant at = Instant.now();
    context.postgres().restartImmediately();
    Instant back = Instant.now();
    Map<String, Duration> measures = new LinkedHashMap<>();
    measures.put("database back", Duration.between(at, back));
    measures.put(
        "streaming again",
        Recovery.await(
            "the slot streaming again",
            context.recovery(),
            at,
            () -> slots.streamingPid().isPresent()));
    measures.put("deliveries resumed", Recovery.deliveriesResumed(context, at, back));
    return new FaultResult(name(), at, measures, "immediate restart");
  }
}
