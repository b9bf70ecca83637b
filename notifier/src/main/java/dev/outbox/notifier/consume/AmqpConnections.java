package dev.outbox.notifier.consume;

import com.rabbitmq.client.ConnectionFactory;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;

/** Builds connection factories from {@code EVENT_BUS_URL}. */
public final class AmqpConnections {

  private AmqpConnections() {}

  /**
   * A factory for {@code uri}. The contract's default {@code amqp://guest:guest@localhost:5672/}
   * ends in a slash, which the Java client reads as the empty virtual host (the URI spec's reading)
   * while Go clients and the seed mean the default one, {@code /}: we follow the seed.
   */
  public static ConnectionFactory factory(String uri) {
    ConnectionFactory factory = new ConnectionFactory();
    try {
      factory.setUri(uri);
    } catch (URISyntaxException | GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("EVENT_BUS_URL is not a valid AMQP URI", e);
    }
    if (factory.getVirtualHost().isEmpty()) {
      factory.setVirtualHost("/");
    }
    return factory;
  }
}
