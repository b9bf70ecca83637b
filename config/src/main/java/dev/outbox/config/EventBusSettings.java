package dev.outbox.config;

import com.rabbitmq.client.MetricsCollector;
import java.util.Optional;

/** The broker (or cluster) and the exchange the events travel through. */
public record EventBusSettings(AmqpConnections connections, String exchange) {

  public static final Setting<AmqpConnections> URL =
      Setting.custom("EVENT_BUS_URL", AmqpConnections::parse)
          .asSecret()
          .withDefault("amqp://guest:guest@localhost:5672/")
          .withDescription(
              "RabbitMQ AMQP URI, or a comma-separated list of a cluster's brokers (URIs or"
                  + " host:port after the first, which gives credentials, vhost and TLS); a"
                  + " trailing / means the default vhost; amqps:// verifies the broker's"
                  + " certificate and host name")
          .readBy(Role.API, Role.RELAY, Role.NOTIFIER, Role.CLI);

  // A bundle of its own rather than javax.net.ssl.trustStore: a PEM file is what a private CA
  // hands out and what a container mounts, and it names the broker's CAs only, not every TLS
  // peer of the JVM.
  public static final Setting<BrokerTrust> CA_FILE =
      Setting.custom("EVENT_BUS_CA_FILE", BrokerTrust::caFile)
          .withDescription(
              "PEM file of the CA certificates an amqps:// broker's certificate must chain to,"
                  + " instead of the JVM truststore")
          .readBy(Role.API, Role.RELAY, Role.NOTIFIER, Role.CLI);

  public static final Setting<String> EXCHANGE =
      Setting.text("EVENT_BUS_EXCHANGE")
          .withDefault("domain.events")
          .withDescription("durable topic exchange the events are published to")
          .readBy(Role.RELAY, Role.NOTIFIER, Role.CLI);

  /** The same bus, its connections reporting to {@code collector}. */
  public EventBusSettings metered(MetricsCollector collector) {
    return new EventBusSettings(connections.metered(collector), exchange);
  }

  public static EventBusSettings read(ConfigReader config) {
    return new EventBusSettings(connections(config), config.get(EXCHANGE));
  }

  /**
   * EVENT_BUS_URL's brokers, trusting EVENT_BUS_CA_FILE's CAs when it is set; a CA file next to a
   * plain {@code amqp://} URL is a problem (it would be ignored, and the operator meant TLS).
   */
  public static AmqpConnections connections(ConfigReader config) {
    AmqpConnections bus = config.get(URL);
    Optional<BrokerTrust> trust = config.optional(CA_FILE);
    if (trust.isEmpty()) {
      return bus;
    }
    config.check(
        bus.isTls(),
        CA_FILE.name()
            + " is set, but "
            + URL.name()
            + " is not an amqps:// URL: the connection would not use TLS");
    return bus.trusting(trust.get());
  }
}
