package dev.outbox.relay.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Connection;
import dev.outbox.config.AmqpConnections;
import dev.outbox.testing.BrokerObjects;
import dev.outbox.testing.TestServices;
import org.junit.jupiter.api.Test;

/** The relay ITs' environment deletes everything it and its tests declared on the shared broker. */
class RelayEnvironmentCleanupIT {

  @Test
  void closing_the_environment_leaves_no_queue_or_exchange_behind() throws Exception {
    RelayEnvironment env = new RelayEnvironment("cleanup");
    env.queue("#");
    String own = env.exchange + ".own";
    env.declared().queue(own);
    try (var channel = env.channel()) {
      channel.queueDeclare(own, true, false, false, null);
    }
    BrokerObjects declared = env.declared();
    String unroutable = env.exchange + ".unroutable";
    try (Connection broker = AmqpConnections.parse(TestServices.amqpUri()).open("cleanup-it")) {
      assertThat(declared.remaining(broker))
          .contains(
              "exchange " + env.exchange,
              "exchange " + unroutable,
              "queue " + unroutable,
              "queue " + own)
          .hasSize(5);

      env.close();

      assertThat(declared.remaining(broker)).isEmpty();
    }
  }
}
