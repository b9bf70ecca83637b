package dev.outbox.notifier.consume;

import dev.outbox.notifier.event.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Meters of one consumer, tagged with its queue and its handler, every series registered at zero
 * when the consumer is built: {@code notifier.events.handled} (by outcome: completed, duplicate,
 * busy, retry, failed), {@code notifier.duplicates.skipped}, {@code notifier.retries}, {@code
 * notifier.dead_lettered} and the {@code notifier.handler.latency} histogram.
 */
final class ConsumerMetrics {

  // The tag values predate the names of Outcome; dashboards and alerts query them.
  static final List<String> OUTCOMES = List.of("completed", "duplicate", "busy", "retry", "failed");

  private final MeterRegistry meters;
  private final Timer latency;
  private final Map<String, Counter> handled = new LinkedHashMap<>();
  private final Counter duplicates;
  private final Counter retries;
  private final Counter deadLettered;

  ConsumerMetrics(MeterRegistry meters, String queue, String handler) {
    this.meters = meters;
    Tags tags = Tags.of("queue", queue, "handler", handler);
    this.latency =
        Timer.builder("notifier.handler.latency")
            .description("from a message's delivery to its settlement (ack, retry, dead letter)")
            .tags(tags)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofMinutes(1))
            .register(meters);
    for (String outcome : OUTCOMES) {
      handled.put(outcome, meters.counter("notifier.events.handled", tags.and("outcome", outcome)));
    }
    this.duplicates = meters.counter("notifier.duplicates.skipped", tags);
    this.retries = meters.counter("notifier.retries", tags);
    this.deadLettered = meters.counter("notifier.dead_lettered", tags);
  }

  Timer.Sample startTimer() {
    return Timer.start(meters);
  }

  void stopTimer(Timer.Sample sample) {
    sample.stop(latency);
  }

  void handled(Outcome outcome) {
    handled.get(tag(outcome)).increment();
    if (outcome instanceof Outcome.Duplicate) {
      duplicates.increment();
    } else if (outcome instanceof Outcome.RetryLater) {
      retries.increment();
    } else if (outcome instanceof Outcome.DeadLetter) {
      deadLettered.increment();
    }
  }

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
