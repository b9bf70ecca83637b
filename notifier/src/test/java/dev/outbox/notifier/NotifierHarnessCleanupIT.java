package dev.outbox.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.outbox.config.AmqpConnections;
import dev.outbox.config.EventExchange.UnroutableBound;
import dev.outbox.testing.BrokerObjects;
import dev.outbox.testing.TestServices;
import org.junit.jupiter.api.Test;

/**
 * The harness deletes everything the notifier declared on the shared broker, and the notifier
 * declares the unroutable queue exactly as the relay does.
 */
class NotifierHarnessCleanupIT {

  @Test
  void the_notifier_declares_the_relay_s_bound_and_closing_the_harness_leaves_nothing_behind()
      throws Exception {
    NotifierHarness harness = new NotifierHarness();
    BrokerObjects declared = harness.declared();
    String unroutable = harness.exchange + ".unroutable";
    try (Connection broker = AmqpConnections.parse(TestServices.amqpUri()).open("cleanup-it")) {
      assertThat(declared.remaining(broker))
          .as("what the started notifier declared")
          .contains(
              "exchange " + harness.exchange,
              "exchange " + unroutable,
              "queue " + unroutable,
              "queue " + harness.queue(),
              "queue " + harness.queue() + ".dlq",
              "queue " + harness.analyticsQueue(),
              "queue " + harness.analyticsQueue() + ".dlq")
          .anyMatch(name -> name.startsWith("queue " + harness.queue() + ".retry."))
          .hasSize(declared.queues().size() + declared.exchanges().size());
      try (Channel channel = broker.createChannel()) {
        // The relay's declaration: equal arguments, or the broker would close the channel (406).
        channel.queueDeclare(unroutable, true, false, false, UnroutableBound.DEFAULT.arguments());
        assertThat(channel.isOpen()).isTrue();
      }

      harness.close();

      assertThat(declared.remaining(broker)).isEmpty();
    }
  }
}
