package dev.outbox.notifier.consume;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Meters of one consumer, tagged with its queue: {@code notifier.events.handled} (by outcome),
 * {@code notifier.duplicates.skipped}, {@code notifier.retries}, {@code notifier.dead_lettered} and
 * the {@code notifier.handler.latency} timer.
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

  void handled(HandlerOutcome outcome) {
    String name = outcome.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    meters.counter("notifier.events.handled", "queue", queue, "outcome", name).increment();
    if (outcome instanceof HandlerOutcome.Duplicate) {
      meters.counter("notifier.duplicates.skipped", "queue", queue).increment();
    } else if (outcome instanceof HandlerOutcome.Retry) {
      meters.counter("notifier.retries", "queue", queue).increment();
    } else if (outcome instanceof HandlerOutcome.Failed) {
      meters.counter("notifier.dead_lettered", "queue", queue).increment();
    }
  }
}
