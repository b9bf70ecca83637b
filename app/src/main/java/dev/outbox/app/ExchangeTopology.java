package dev.outbox.app;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.outbox.notifier.consume.AmqpConnections;
import dev.outbox.relay.publish.RabbitTopology;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Declares the event exchange the relay's way (durable topic with its alternate exchange) before a
 * notifier starts. A notifier that finds no exchange declares a plain one, which RabbitMQ then
 * refuses to redeclare with the relay's alternate exchange: the relay could never publish.
 */
final class ExchangeTopology {

  private ExchangeTopology() {}

  static void declare(String eventBusUrl, String exchange) throws IOException, TimeoutException {
    try (Connection connection =
            AmqpConnections.factory(eventBusUrl).newConnection("outbox-topology");
        Channel channel = connection.createChannel()) {
      RabbitTopology.declare(channel, exchange);
    }
  }
}
