package dev.outbox.relay.publish;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.outbox.config.AmqpConnections;
import dev.outbox.config.EventExchange;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * How many messages wait in the exchange's unroutable queue ({@link EventExchange}), read with a
 * passive declare on a connection of its own, opened on first use and again after a failure: a
 * sample is one round trip and touches neither the publisher's channel nor the queue.
 */
public final class UnroutableDepth implements AutoCloseable {

  private final AmqpConnections connections;
  private final ConnectionFactory factory;
  private final String queue;
  private Connection connection;

  public UnroutableDepth(AmqpConnections connections, String exchange) {
    this.connections = connections;
    this.factory = connections.newFactory();
    factory.setAutomaticRecoveryEnabled(false);
    factory.setConnectionTimeout(5_000);
    this.queue = EventExchange.unroutableName(exchange);
  }

  /** The queue's name, for the gauge's tag. */
  public String queue() {
    return queue;
  }

  /**
   * The queue's message count now.
   *
   * @throws IOException when the broker cannot be reached or the queue does not exist (yet)
   */
  public synchronized long messages() throws IOException, TimeoutException {
    if (connection == null || !connection.isOpen()) {
      connection = connections.open(factory, "outbox-relay-monitor");
    }
    try (Channel channel = connection.createChannel()) {
      return channel.queueDeclarePassive(queue).getMessageCount();
    }
  }

  @Override
  public synchronized void close() {
    Connection c = connection;
    connection = null;
    if (c != null && c.isOpen()) {
      c.abort(1_000);
    }
  }
}
