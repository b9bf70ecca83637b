package dev.outbox.notifier.consume;

import dev.outbox.notifier.event.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Meters of one consumer, tagged with its queue: {@code notifier.events.handled} (by outcome:
 * completed, duplicate, busy, retry, failed), {@code notifier.duplicates.skipped}, {@code
 * notifier.retries}, {@code notifier.dead_lettered} and the {@code notifier.handler.latency} timer.
 */
final class ConsumerMetrics {

  private final MeterRegistry meters;
  private final String queue;
  private final Timer latency;

  ConsumerMetrics(MeterRegistry meters, String queue) {
    this.meters = meters;
    this.queue = queue;
    this.latency = Timer.builder("notifier.handler.latency").tag("queue", queue).register(meters);
  }

  Timer.Sample startTimer() {
    return Timer.start(meters);
  }

  void stopTimer(Timer.Sample sample) {
    sample.stop(latency);
  }

  void handled(Outcome outcome) {
    meters.counter("notifier.events.handled", "queue", queue, "outcome", tag(outcome)).increment();
    if (outcome instanceof Outcome.Duplicate) {
      meters.counter("notifier.duplicates.skipped", "queue", queue).increment();
    } else if (outcome instanceof Outcome.RetryLater) {
      meters.counter("notifier.retries", "queue", queue).increment();
    } else if (outcome instanceof Outcome.DeadLetter) {
      meters.counter("notifier.dead_lettered", "queue", queue).increment();
    }
  }

  // The tag values predate the names of Outcome; dashboards and alerts query them.
  private static String tag(Outcome outcome) {
    if (outcome instanceof Outcome.Duplicate) {
      return "duplicate";
    }
    if (outcome instanceof Outcome.Busy) {
      return "busy";
    }
    if (outcome instanceof Outcome.RetryLater) {
      return "retry";
    }
    if (outcome instanceof Outcome.DeadLetter) {
      return "failed";
    }
    return "completed";
  }
}
