package dev.outbox.notifier.consume;

import dev.outbox.notifier.config.QueueType;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The declaration arguments of the queues around one work queue {@code q}, per {@link QueueType}.
 * Classic queues are declared exactly as before quorum queues became the default, so that an
 * existing classic deployment that sets NOTIFIER_QUEUE_TYPE=classic declares what it has.
 *
 * <p>Two limits, two counts. The notifier's own, NOTIFIER_MAX_ATTEMPTS, counts handled attempts
 * (the {@code attempt} header): a failure the handler saw goes to a delay queue and comes back as
 * the next attempt, the last one to {@code q.dlq}; each comes back as a new message, so the queue's
 * delivery count starts over. A quorum queue's {@code x-delivery-limit} counts the times one
 * message was handed back unsettled (a consumer that died or lost its channel mid-message, a route
 * that could not be made durable): past {@link #DELIVERY_LIMIT} the broker dead-letters it into
 * {@code q.dlq} (at least once), where without a dead-letter target RabbitMQ 4 would drop it. The
 * limit is a constant, not derived from NOTIFIER_MAX_ATTEMPTS: a queue's arguments cannot change
 * once it exists, so a setting would make every change of it fail at start-up.
 */
final class QueueArguments {

  /** RabbitMQ 4's default, stated so that 3.x brokers (no default: unlimited) behave the same. */
  static final int DELIVERY_LIMIT = 20;

  private QueueArguments() {}

  /** {@code q}: bound to the exchange, consumed. */
  static Map<String, Object> work(QueueType type, String queue) {
    if (type == QueueType.CLASSIC) {
      return null;
    }
    Map<String, Object> args = quorum();
    args.put("x-delivery-limit", DELIVERY_LIMIT);
    args.putAll(deadLetterInto(QueueNames.deadLetter(queue)));
    return args;
  }

  /** {@code q.retry.<delay>ms}: holds a message for the delay, then dead-letters it back to q. */
  static Map<String, Object> retry(QueueType type, String queue, Duration delay) {
    Map<String, Object> args = type == QueueType.CLASSIC ? new HashMap<>() : quorum();
    args.put("x-message-ttl", delay.toMillis());
    args.putAll(deadLetterInto(queue));
    return args;
  }

  /** {@code q.dlq}: what gave up, until redriven. */
  static Map<String, Object> deadLetter(QueueType type) {
    return type == QueueType.CLASSIC ? null : quorum();
  }

  private static Map<String, Object> quorum() {
    Map<String, Object> args = new HashMap<>();
    args.put("x-queue-type", "quorum");
    // At-least-once dead-lettering (3.10+): the broker keeps the message until the target queue
    // confirmed it, instead of dropping it when the target is unavailable; it requires
    // reject-publish, which without a length limit never rejects.
    args.put("x-dead-letter-strategy", "at-least-once");
    args.put("x-overflow", "reject-publish");
    return args;
  }

  // Through the default exchange, which routes by queue name.
  private static Map<String, Object> deadLetterInto(String target) {
    return Map.of("x-dead-letter-exchange", "", "x-dead-letter-routing-key", target);
  }
}
