package dev.outbox.chaos.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;

/** Bounded waits for a recovery, measured from the fault's start. */
final class Recovery {

  private Recovery() {}

  /** Polls {@code condition} every 50 ms; the time from {@code since} until it first held. */
  static Duration await(String what, Duration atMost, Instant since, Callable<Boolean> condition) {
    Awaitility.await(what)
        .atMost(atMost)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(50))
        .until(condition);
    return Duration.between(since, Instant.now());
  }

  /** Until the audit queue receives something after {@code after}: deliveries flow again. */
  static Duration deliveriesResumed(FaultContext context, Instant since, Instant after) {
    return await(
        "deliveries resuming after " + after,
        context.recovery(),
        since,
        () -> context.audit().lastArrivalAt().isAfter(after));
  }

  /** Keeps a fault in place (a broker left down) or lets the load run between faults. */
  static void hold(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }
}
