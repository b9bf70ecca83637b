package dev.outbox.relay.capture;

import dev.outbox.config.AmqpConnections;
import dev.outbox.relay.config.RelayConfig;
import dev.outbox.relay.publish.MessagePublisher;
import dev.outbox.relay.publish.RabbitMqPublisher;
import java.time.Duration;

/**
 * The one place the relay builds its {@link MessagePublisher}: RabbitMQ, confirms awaited for 10 s.
 * Each caller gets a connection of its own (one capture run, one re-drive, one replay from the
 * rows) and closes it.
 */
final class Publishers {

  private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);

  private Publishers() {}

  static MessagePublisher rabbitMq(RelayConfig config) {
    return new RabbitMqPublisher(
        connections(config), config.exchange(), config.maxMessageBytes(), CONFIRM_TIMEOUT);
  }

  // Bridge until RelayConfig reads EVENT_BUS_URL as EventBusSettings (its connections()): the
  // message names the variable, as the relay's own parser's did.
  private static AmqpConnections connections(RelayConfig config) {
    try {
      return AmqpConnections.parse(config.eventBusUrl());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("EVENT_BUS_URL " + e.getMessage(), e);
    }
  }
}
