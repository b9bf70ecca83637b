package dev.outbox.notifier.consume;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.outbox.config.EventExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/** Declares one consumer's queues and bindings; every declaration is idempotent. */
final class QueueTopology {

  private final String exchange;
  private final String queue;
  private final Set<String> routingKeys;
  private final List<Duration> retryDelays;

  QueueTopology(String exchange, String queue, Set<String> routingKeys, List<Duration> delays) {
    this.exchange = exchange;
    this.queue = queue;
    this.routingKeys = Set.copyOf(routingKeys);
    this.retryDelays = List.copyOf(delays);
  }

  void declare(Connection connection) throws IOException, TimeoutException {
    // The relay declares the exchange too, and RabbitMQ refuses a redeclaration with other
    // arguments: both use the one declaration of the config module.
    EventExchange.declare(connection, exchange);
    try (Channel channel = connection.createChannel()) {
      channel.queueDeclare(queue, true, false, false, null);
      for (String key : routingKeys) {
        channel.queueBind(queue, exchange, key);
      }
      channel.queueDeclare(QueueNames.deadLetter(queue), true, false, false, null);
      for (Duration delay : retryDelays) {
        channel.queueDeclare(
            QueueNames.retry(queue, delay),
            true,
            false,
            false,
            Map.of(
                "x-message-ttl",
                delay.toMillis(),
                "x-dead-letter-exchange",
                "",
                "x-dead-letter-routing-key",
                queue));
      }
    }
  }
}
