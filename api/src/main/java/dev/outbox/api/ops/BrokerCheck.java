package dev.outbox.api.ops;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.outbox.config.AmqpConnections;
import dev.outbox.config.Outage;
import dev.outbox.config.health.Check;
import dev.outbox.config.health.HealthCheck;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * The broker is up when an AMQP connection opens (handshake and login included) within two seconds.
 * Reported, never required ({@link #required()}): the api publishes nothing itself, and taking it
 * out of the load balancer while RabbitMQ is away would refuse the writes the outbox exists to keep
 * until the relay can deliver them. An outage is logged once at its start and once at its end.
 */
final class BrokerCheck implements HealthCheck {

  private static final int TIMEOUT_MILLIS = 2_000;

  private final AmqpConnections broker;
  private final ConnectionFactory factory;
  private final Outage outage = new Outage("RabbitMQ (api readiness)");

  BrokerCheck(AmqpConnections broker) {
    this.broker = broker;
    this.factory = broker.newFactory();
    factory.setConnectionTimeout(TIMEOUT_MILLIS);
    factory.setHandshakeTimeout(TIMEOUT_MILLIS);
    // A check that recovers in the background would report "up" for a connection it never had.
    factory.setAutomaticRecoveryEnabled(false);
  }

  @Override
  public String name() {
    return "broker";
  }

  @Override
  public boolean required() {
    return false;
  }

  @Override
  public Check check() {
    try (Connection connection = broker.open(factory, "outbox-api-readiness")) {
      outage.succeeded();
      return Check.of(connection.isOpen(), "brokers", broker.display());
    } catch (IOException | TimeoutException | RuntimeException e) {
      outage.failed(e.toString());
      return Check.down("brokers", broker.display(), "error", String.valueOf(e.getMessage()));
    }
  }
}
