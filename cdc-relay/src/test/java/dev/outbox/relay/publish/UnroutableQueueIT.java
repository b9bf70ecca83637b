package dev.outbox.relay.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.outbox.config.AmqpConnections;
import dev.outbox.config.EventExchange;
import dev.outbox.config.EventExchange.UnroutableBound;
import dev.outbox.relay.metrics.RelayMetrics;
import dev.outbox.relay.metrics.UnroutableMonitor;
import dev.outbox.relay.model.OutboxMessage;
import dev.outbox.testing.BrokerObjects;
import dev.outbox.testing.TestDatabase;
import dev.outbox.testing.TestServices;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exchange's unroutable queue on a real broker: bounded by count and age, kept as it is when an
 * earlier version declared it unbounded, and sampled into the relay's depth gauge.
 */
class UnroutableQueueIT {

  private final String exchange = TestDatabase.uniqueName("events");
  private final String unroutable = EventExchange.unroutableName(exchange);
  private final BrokerObjects declared = new BrokerObjects().eventExchange(exchange);
  private Connection broker;

  @BeforeEach
  void connect() throws Exception {
    broker = AmqpConnections.parse(TestServices.amqpUri()).open("unroutable-it");
  }

  @AfterEach
  void cleanUp() throws Exception {
    declared.delete(broker);
    broker.close();
  }

  @Test
  void the_relay_declares_the_default_bound_and_routes_what_no_queue_binds_into_it()
      throws Exception {
    try (RabbitMqPublisher publisher =
        new RabbitMqPublisher(
            AmqpConnections.parse(TestServices.amqpUri()),
            exchange,
            1 << 20,
            Duration.ofSeconds(10))) {
      PublishResult result = publisher.publish(List.of(message("nobody.binds_this")));
      assertThat(result.refused()).isEmpty();
    }

    assertThat(messageCount()).isEqualTo(1);
    try (Channel channel = broker.createChannel()) {
      // An equal redeclaration is accepted, another one would close the channel (406).
      channel.queueDeclare(unroutable, true, false, false, UnroutableBound.DEFAULT.arguments());
      assertThat(channel.isOpen()).isTrue();
    }
  }

  @Test
  void past_its_length_the_queue_drops_the_oldest_messages() throws Exception {
    EventExchange.declare(broker, exchange, new UnroutableBound(3, Duration.ofHours(1)));

    for (int i = 1; i <= 5; i++) {
      publishUnroutable("message " + i);
    }

    assertThat(messageCount()).isEqualTo(3);
    try (Channel channel = broker.createChannel()) {
      GetResponse oldest = channel.basicGet(unroutable, true);
      assertThat(new String(oldest.getBody(), StandardCharsets.UTF_8)).isEqualTo("message 3");
    }
  }

  @Test
  void messages_older_than_its_age_are_dropped() throws Exception {
    EventExchange.declare(broker, exchange, new UnroutableBound(100, Duration.ofMillis(200)));

    publishUnroutable("short-lived");

    await().atMost(Duration.ofSeconds(10)).until(() -> messageCount() == 0);
  }

  @Test
  void an_unbounded_queue_of_an_earlier_version_is_kept_and_still_receives() throws Exception {
    try (Channel channel = broker.createChannel()) {
      channel.queueDeclare(unroutable, true, false, false, Map.of());
    }

    EventExchange.declare(broker, exchange);
    publishUnroutable("kept");

    assertThat(messageCount()).isEqualTo(1);
  }

  @Test
  void the_depth_gauge_reports_the_queue_s_message_count() throws Exception {
    EventExchange.declare(broker, exchange);
    publishUnroutable("one");
    publishUnroutable("two");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    RelayMetrics metrics = new RelayMetrics(registry, "slot_it");

    try (UnroutableDepth depth =
        new UnroutableDepth(AmqpConnections.parse(TestServices.amqpUri()), exchange)) {
      new UnroutableMonitor(depth, metrics).run();
    }

    assertThat(registry.get("relay.unroutable.messages").tag("slot", "slot_it").gauge().value())
        .isEqualTo(2.0);
  }

  private void publishUnroutable(String body) throws Exception {
    try (Channel channel = broker.createChannel()) {
      channel.confirmSelect();
      channel.basicPublish(
          exchange,
          "nobody.binds_this",
          true,
          new AMQP.BasicProperties(),
          body.getBytes(StandardCharsets.UTF_8));
      channel.waitForConfirmsOrDie(5_000);
    }
  }

  private long messageCount() throws Exception {
    try (Channel channel = broker.createChannel()) {
      return channel.queueDeclarePassive(unroutable).getMessageCount();
    }
  }

  private static OutboxMessage message(String type) {
    return new OutboxMessage(
        UUID.randomUUID(),
        type,
        "test",
        UUID.randomUUID().toString(),
        "{}",
        Instant.parse("2026-11-27T04:20:00Z"),
        0,
        null,
        false);
  }
}
