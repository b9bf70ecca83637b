package dev.outbox.api.ops;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.outbox.config.AmqpConnections;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker is up when an AMQP connection opens (handshake and login included) within two seconds.
 * The api publishes nothing, but an api whose events cannot reach anyone should leave the load
 * balancer's rotation, which is what /ready is for.
 */
final class BrokerCheck implements ReadinessCheck {

  private static final Logger log = LoggerFactory.getLogger(BrokerCheck.class);
  private static final int TIMEOUT_MILLIS = 2_000;

  private final AmqpConnections broker;
  private final ConnectionFactory factory;

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
  public boolean isUp() {
    try (Connection connection = broker.open(factory, "outbox-api-readiness")) {
      return connection.isOpen();
    } catch (IOException | TimeoutException | RuntimeException e) {
      log.warn("Readiness: broker unreachable at {}: {}", broker.display(), e.toString());
      return false;
    }
  }
}
