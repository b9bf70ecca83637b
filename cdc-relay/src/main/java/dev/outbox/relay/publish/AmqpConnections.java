package dev.outbox.relay.publish;

import com.rabbitmq.client.ConnectionFactory;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;

/** Connection factories for EVENT_BUS_URL. */
public final class AmqpConnections {

  private AmqpConnections() {}

  /**
   * A factory for {@code amqpUri}. A bare trailing slash ({@code amqp://host:5672/}, the contract's
   * default) means the default vhost {@code /}: the AMQP URI spec reads it as the empty vhost,
   * which RabbitMQ refuses. Other paths are taken as the spec says ({@code %2F} for {@code /}).
   */
  public static ConnectionFactory factory(String amqpUri) {
    String uri = amqpUri.matches("amqps?://[^/]+/") ? strip(amqpUri) : amqpUri;
    ConnectionFactory factory = new ConnectionFactory();
    try {
      factory.setUri(uri);
    } catch (URISyntaxException | GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("EVENT_BUS_URL is not a valid AMQP URI", e);
    }
    return factory;
  }

  private static String strip(String uri) {
    return uri.substring(0, uri.length() - 1);
  }
}
