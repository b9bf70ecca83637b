package dev.outbox.config;

/** The broker (or cluster) and the exchange the events travel through. */
public record EventBusSettings(AmqpConnections connections, String exchange) {

  public static final Setting<AmqpConnections> URL =
      Setting.custom("EVENT_BUS_URL", AmqpConnections::parse)
          .asSecret()
          .withDefault("amqp://guest:guest@localhost:5672/")
          .withDescription(
              "RabbitMQ AMQP URI, or a comma-separated list of a cluster's brokers (URIs or"
                  + " host:port after the first, which gives credentials, vhost and TLS); a"
                  + " trailing / means the default vhost")
          .readBy(Role.API, Role.RELAY, Role.NOTIFIER, Role.CLI);

  public static final Setting<String> EXCHANGE =
      Setting.text("EVENT_BUS_EXCHANGE")
          .withDefault("domain.events")
          .withDescription("durable topic exchange the events are published to")
          .readBy(Role.RELAY, Role.NOTIFIER, Role.CLI);

  public static EventBusSettings read(ConfigReader config) {
    return new EventBusSettings(config.get(URL), config.get(EXCHANGE));
  }
}
