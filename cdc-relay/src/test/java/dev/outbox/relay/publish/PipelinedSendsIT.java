package dev.outbox.relay.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Connection;
import dev.outbox.config.AmqpConnections;
import dev.outbox.config.EventExchange;
import dev.outbox.relay.model.OutboxMessage;
import dev.outbox.relay.publish.MessagePublisher.Sent;
import dev.outbox.relay.support.ReceivedMessages;
import dev.outbox.relay.support.ReceivedMessages.Received;
import dev.outbox.relay.support.TcpProxy;
import dev.outbox.testing.BrokerObjects;
import dev.outbox.testing.TestDatabase;
import dev.outbox.testing.TestServices;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two sends in flight on one channel of a real broker (the relay sends the next batch of a backlog
 * before the previous one's confirms are awaited): each send's answers are its own, and a
 * connection lost under both sends the rests again in the order sent.
 */
class PipelinedSendsIT {

  private final String exchange = TestDatabase.uniqueName("events");
  private final String queue = TestDatabase.uniqueName("pipelined");
  private final BrokerObjects declared = new BrokerObjects().eventExchange(exchange).queue(queue);
  private Connection broker;
  private ReceivedMessages received;
  private TcpProxy proxy;

  @BeforeEach
  void connect() throws Exception {
    broker = AmqpConnections.parse(TestServices.amqpUri()).open("pipelined-it");
    EventExchange.declare(broker, exchange);
    received = ReceivedMessages.bind(broker, exchange, queue, "#");
    URI uri = URI.create(TestServices.amqpUri());
    proxy = new TcpProxy(uri.getHost(), uri.getPort() == -1 ? 5672 : uri.getPort());
  }

  @AfterEach
  void cleanUp() throws Exception {
    received.stop();
    proxy.close();
    declared.delete(broker);
    broker.close();
  }

  @Test
  void two_sends_in_flight_are_answered_each_for_its_own_messages() throws Exception {
    List<OutboxMessage> first = messages(500);
    List<OutboxMessage> second = messages(500);
    try (RabbitMqPublisher publisher = publisher(TestServices.amqpUri())) {
      Sent a = publisher.send(first);
      Sent b = publisher.send(second);

      assertThat(a.await().refused()).isEmpty();
      assertThat(b.await().refused()).isEmpty();
    }

    assertThat(arrivals(1_000)).containsExactlyElementsOf(ids(first, second));
  }

  @Test
  void a_connection_lost_under_two_sends_delivers_both_in_the_order_sent() throws Exception {
    List<OutboxMessage> first = messages(3_000);
    List<OutboxMessage> second = messages(3_000);
    try (RabbitMqPublisher publisher = publisher(viaProxy())) {
      Sent a = publisher.send(first);
      proxy.cut();
      Sent b = publisher.send(second);
      proxy.restore();

      // What BatchPublisher does: settle the sends in order, each rest sent again after the first.
      settle(publisher, a, first);
      // Sent after the cut: nothing of it reached the broker on that connection.
      assertThat(settle(publisher, b, second)).isPositive();
    }

    assertThat(arrivals(6_000)).containsExactlyElementsOf(ids(first, second));
  }

  // Returns how many times the broker was found gone.
  private static int settle(RabbitMqPublisher publisher, Sent sent, List<OutboxMessage> messages)
      throws InterruptedException {
    List<OutboxMessage> rest = messages;
    Sent answers = sent;
    for (int lost = 0; ; lost++) {
      try {
        assertThat(answers.await().refused()).isEmpty();
        return lost;
      } catch (BrokerUnavailableException e) {
        rest = rest.subList(e.confirmedPrefix(), rest.size());
        List<OutboxMessage> again = rest;
        answers = () -> publisher.publish(again);
      }
    }
  }

  // The first arrival of each id, in arrival order, once every id arrived.
  private List<UUID> arrivals(int expected) {
    await().atMost(Duration.ofSeconds(30)).until(() -> received.distinct() == expected);
    return received.firstArrivals().stream().map(Received::id).toList();
  }

  private RabbitMqPublisher publisher(String uri) {
    return new RabbitMqPublisher(
        AmqpConnections.parse(uri), exchange, 1 << 20, Duration.ofSeconds(10));
  }

  private String viaProxy() {
    URI uri = URI.create(TestServices.amqpUri());
    return uri.getScheme() + "://" + uri.getRawUserInfo() + "@127.0.0.1:" + proxy.port();
  }

  private static List<UUID> ids(List<OutboxMessage> first, List<OutboxMessage> second) {
    List<UUID> ids = new ArrayList<>();
    first.forEach(m -> ids.add(m.id()));
    second.forEach(m -> ids.add(m.id()));
    return ids;
  }

  private static List<OutboxMessage> messages(int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                new OutboxMessage(
                    UUID.randomUUID(),
                    "user.registered",
                    "user",
                    UUID.randomUUID().toString(),
                    "{\"n\":" + i + "}",
                    Instant.parse("2026-12-01T23:00:00Z"),
                    i,
                    null,
                    false))
        .toList();
  }
}
