package dev.outbox.notifier.consume;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Delivery;
import dev.outbox.notifier.config.ConsumerSettings;
import dev.outbox.notifier.event.Attempt;
import dev.outbox.notifier.event.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The routing decision: where a message goes after its handler's {@link Outcome}, and with which
 * headers. Nothing to publish means the acknowledgement alone settles the message (sent, completed,
 * duplicate).
 */
final class Routing {

  record Target(String queue, AMQP.BasicProperties properties) {}

  private static final int MAX_REASON_LENGTH = 1000;

  private final String queue;
  private final String handler;
  private final ConsumerSettings settings;
  private final Clock clock;

  Routing(String queue, String handler, ConsumerSettings settings, Clock clock) {
    this.queue = queue;
    this.handler = handler;
    this.settings = settings;
    this.clock = clock;
  }

  Optional<Target> of(Delivery delivery, Attempt attempt, Outcome outcome) {
    if (outcome instanceof Outcome.Busy) {
      // Waiting for another instance uses no attempt: the same number comes back soon.
      return Optional.of(retry(delivery, attempt.number(), settings.retryDelay(1)));
    }
    if (outcome instanceof Outcome.RetryLater) {
      Duration delay = settings.retryDelay(attempt.number());
      return Optional.of(retry(delivery, attempt.number() + 1, delay));
    }
    if (outcome instanceof Outcome.DeadLetter letter) {
      return Optional.of(deadLetter(delivery, letter, attempt));
    }
    return Optional.empty();
  }

  /** To the delay queue of {@code delay}, to come back as attempt {@code nextAttempt}. */
  private Target retry(Delivery delivery, int nextAttempt, Duration delay) {
    Map<String, Object> headers = MessageHeaders.headers(delivery.getProperties());
    headers.put(MessageHeaders.ATTEMPT, nextAttempt);
    headers.putIfAbsent(MessageHeaders.ROUTING_KEY, delivery.getEnvelope().getRoutingKey());
    return new Target(
        QueueNames.retry(queue, delay),
        MessageHeaders.withHeaders(delivery.getProperties(), headers));
  }

  /** To the dead-letter queue, saying why, when, after how many attempts and where. */
  private Target deadLetter(Delivery delivery, Outcome.DeadLetter letter, Attempt attempt) {
    String reason = letter.reason();
    Map<String, Object> headers = MessageHeaders.headers(delivery.getProperties());
    headers.put(
        MessageHeaders.REASON,
        reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason);
    headers.put(MessageHeaders.TIME, clock.instant().toString());
    headers.put(MessageHeaders.ATTEMPTS, attempt.number());
    headers.put(MessageHeaders.HANDLER, letter.handler() != null ? letter.handler() : handler);
    headers.putIfAbsent(MessageHeaders.ROUTING_KEY, delivery.getEnvelope().getRoutingKey());
    return new Target(
        QueueNames.deadLetter(queue),
        MessageHeaders.withHeaders(delivery.getProperties(), headers));
  }
}
