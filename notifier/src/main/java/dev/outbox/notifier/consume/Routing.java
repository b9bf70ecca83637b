package dev.outbox.notifier.consume;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Delivery;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Where a message goes after an attempt, and with which headers. */
final class Routing {

  record Target(String queue, AMQP.BasicProperties properties) {}

  private final String queue;
  private final Clock clock;

  Routing(String queue, Clock clock) {
    this.queue = queue;
    this.clock = clock;
  }

  /** To the delay queue of {@code delay}, to come back as attempt {@code nextAttempt}. */
  Target retry(Delivery delivery, int nextAttempt, Duration delay) {
    Map<String, Object> headers = MessageHeaders.headers(delivery.getProperties());
    headers.put(MessageHeaders.ATTEMPT, nextAttempt);
    headers.putIfAbsent(MessageHeaders.ROUTING_KEY, delivery.getEnvelope().getRoutingKey());
    return new Target(
        QueueNames.retry(queue, delay),
        MessageHeaders.withHeaders(delivery.getProperties(), headers));
  }

  /** To the dead-letter queue, saying why, when, after how many attempts and where. */
  Target deadLetter(
      Delivery delivery, String reason, String handler, EventHandler.Attempt attempt) {
    Map<String, Object> headers = MessageHeaders.headers(delivery.getProperties());
    headers.put(MessageHeaders.REASON, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
    headers.put(MessageHeaders.TIME, clock.instant().toString());
    headers.put(MessageHeaders.ATTEMPTS, attempt.number());
    headers.put(MessageHeaders.HANDLER, handler);
    headers.putIfAbsent(MessageHeaders.ROUTING_KEY, delivery.getEnvelope().getRoutingKey());
    return new Target(
        QueueNames.deadLetter(queue),
        MessageHeaders.withHeaders(delivery.getProperties(), headers));
  }
}
