package dev.outbox.relay.capture;

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
        config.bus().connections(), config.exchange(), config.maxMessageBytes(), CONFIRM_TIMEOUT);
  }
}
