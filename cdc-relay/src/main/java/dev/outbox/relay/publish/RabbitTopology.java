package dev.outbox.relay.publish;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.Map;

/**
 * Declares the event exchange: a durable topic exchange whose alternate exchange routes every
 * message no queue is bound for into a durable queue, so nothing published is silently dropped.
 * Whoever else declares the exchange must use the same arguments (RabbitMQ refuses a redeclaration
 * with different ones).
 */
public final class RabbitTopology {

  private RabbitTopology() {}

  /** The alternate exchange and the queue that keep unroutable messages of {@code exchange}. */
  public static String unroutableName(String exchange) {
    return exchange + ".unroutable";
  }

  /** Declares (idempotently) the exchange, its alternate exchange and the unroutable queue. */
  public static void declare(Channel channel, String exchange) throws IOException {
    String unroutable = unroutableName(exchange);
    channel.exchangeDeclare(unroutable, BuiltinExchangeType.FANOUT, true, false, Map.of());
    channel.queueDeclare(unroutable, true, false, false, Map.of());
    channel.queueBind(unroutable, unroutable, "");
    channel.exchangeDeclare(
        exchange, BuiltinExchangeType.TOPIC, true, false, Map.of("alternate-exchange", unroutable));
  }
}
