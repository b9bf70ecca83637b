package dev.outbox.api.ops;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
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

  private final ConnectionFactory factory = new ConnectionFactory();
  private final String address;

  BrokerCheck(URI eventBusUrl, String address) {
    this.address = address;
    try {
      factory.setUri(eventBusUrl);
      if ("/".equals(eventBusUrl.getRawPath())) {
        // amqp://host/ names the empty vhost by the AMQP URI spec; everyone means the default "/".
        factory.setVirtualHost("/");
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("EVENT_BUS_URL is not a usable AMQP URI: " + address, e);
    }
    factory.setConnectionTimeout(TIMEOUT_MILLIS);
    factory.setHandshakeTimeout(TIMEOUT_MILLIS);
    factory.setAutomaticRecoveryEnabled(false);
  }

  @Override
  public String name() {
    return "broker";
  }

  @Override
  public boolean isUp() {
    try (Connection connection = factory.newConnection("outbox-api-readiness")) {
      return connection.isOpen();
    } catch (IOException | TimeoutException | RuntimeException e) {
      log.warn("Readiness: broker unreachable at {}: {}", address, e.toString());
      return false;
    }
  }
}
