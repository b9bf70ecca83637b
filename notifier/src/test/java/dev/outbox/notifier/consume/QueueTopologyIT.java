package dev.outbox.notifier.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.outbox.config.AmqpConnections;
import dev.outbox.notifier.DeadLetters;
import dev.outbox.notifier.config.QueueType;
import dev.outbox.testing.BrokerObjects;
import dev.outbox.testing.TestDatabase;
import dev.outbox.testing.TestServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The notifier's queues on the shared broker: quorum by default, with the delivery limit
 * dead-lettering into the DLQ and the delay queues expiring back into the work queue; classic as
 * before when asked; an existing classic queue refused for quorum with a message saying what to do.
 * Everything declared is deleted again.
 */
class QueueTopologyIT {

  static final Duration DELAY = Duration.ofMillis(100);

  final String exchange = TestDatabase.uniqueName("events");
  final String queue = TestDatabase.uniqueName("q");
  final BrokerObjects declared =
      new BrokerObjects()
          .eventExchange(exchange)
          .queue(queue, QueueNames.deadLetter(queue), QueueNames.retry(queue, DELAY));
  Connection amqp;

  @BeforeEach
  void connect() throws Exception {
    amqp = AmqpConnections.parse(TestServices.amqpUri()).open("queue-topology-it");
  }

  @AfterEach
  void deleteWhatWasDeclared() throws Exception {
    declared.delete(amqp);
    assertThat(declared.remaining(amqp)).isEmpty();
    amqp.close();
  }

  @Test
  void quorum_queues_dead_letter_past_the_delivery_limit_and_return_from_their_delay()
      throws Exception {
    topology(QueueType.QUORUM).declare(amqp);

    // A quorum queue is not a classic one: declaring it as classic is refused.
    assertThat(redeclaresAsClassic(queue)).isFalse();
    assertThat(redeclaresAsClassic(QueueNames.deadLetter(queue))).isFalse();

    try (Channel channel = amqp.createChannel()) {
      // Handed back unsettled past the limit: the broker dead-letters it into the DLQ.
      channel.basicPublish("", queue, persistent(), "poison".getBytes(StandardCharsets.UTF_8));
      String dlq = QueueNames.deadLetter(queue);
      int returned = 0;
      AtomicReference<GetResponse> got = new AtomicReference<>();
      while (returned <= QueueArguments.DELIVERY_LIMIT + 1) {
        await("the message back in the work queue, or in the DLQ")
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> {
                  got.set(channel.basicGet(queue, false));
                  return got.get() != null || count(channel, dlq) > 0;
                });
        if (got.get() == null) {
          break;
        }
        channel.basicNack(got.get().getEnvelope().getDeliveryTag(), false, true);
        returned++;
      }
      assertThat(count(channel, dlq)).isEqualTo(1);
      assertThat(returned).isGreaterThanOrEqualTo(QueueArguments.DELIVERY_LIMIT);
      assertThat(new DeadLetters(amqp, List.of(queue)).list(10).letters())
          .singleElement()
          .satisfies(
              letter ->
                  assertThat(letter.reason())
                      .startsWith("dead-lettered by RabbitMQ: delivery_limit"));

      // A delay queue holds a message for its delay, then hands it back to the work queue.
      channel.basicPublish(
          "",
          QueueNames.retry(queue, DELAY),
          persistent(),
          "later".getBytes(StandardCharsets.UTF_8));
      GetResponse back =
          await("the delayed message back in the work queue")
              .atMost(Duration.ofSeconds(10))
              .until(() -> channel.basicGet(queue, true), m -> m != null);
      assertThat(new String(back.getBody(), StandardCharsets.UTF_8)).isEqualTo("later");
    }
  }

  @Test
  void an_existing_classic_queue_is_refused_for_quorum_saying_how_to_go_on() throws Exception {
    try (Channel channel = amqp.createChannel()) {
      channel.queueDeclare(queue, true, false, false, null);
    }

    assertThatThrownBy(() -> topology(QueueType.QUORUM).declare(amqp))
        .isInstanceOf(QueueTopology.QueueMismatchException.class)
        .hasMessageContaining("queue " + queue + " exists with other arguments")
        .hasMessageContaining("NOTIFIER_QUEUE_TYPE=quorum")
        .hasMessageContaining("inequivalent arg")
        .hasMessageContaining("set NOTIFIER_QUEUE_TYPE to the type it has")
        .hasMessageContaining("Moving from classic queues");
    assertThat(amqp.isOpen()).isTrue();
  }

  @Test
  void classic_queues_are_declared_as_before_quorum_became_the_default() throws Exception {
    // What the notifier declared before: work and dead-letter queues without arguments.
    try (Channel channel = amqp.createChannel()) {
      channel.queueDeclare(queue, true, false, false, null);
      channel.queueDeclare(QueueNames.deadLetter(queue), true, false, false, null);
      channel.queueDeclare(
          QueueNames.retry(queue, DELAY),
          true,
          false,
          false,
          Map.of(
              "x-message-ttl",
              DELAY.toMillis(),
              "x-dead-letter-exchange",
              "",
              "x-dead-letter-routing-key",
              queue));
    }

    topology(QueueType.CLASSIC).declare(amqp);

    assertThat(redeclaresAsClassic(queue)).isTrue();
  }

  private QueueTopology topology(QueueType type) {
    return new QueueTopology(exchange, queue, Set.of("thing.happened"), List.of(DELAY), type);
  }

  // Whether a classic declaration of the queue (no arguments) is accepted.
  private boolean redeclaresAsClassic(String name) throws Exception {
    Channel channel = amqp.createChannel();
    try {
      channel.queueDeclare(name, true, false, false, null);
      return true;
    } catch (IOException e) {
      return false;
    } finally {
      if (channel.isOpen()) {
        channel.close();
      }
    }
  }

  private static long count(Channel channel, String name) throws IOException {
    return channel.queueDeclarePassive(name).getMessageCount();
  }

  private static AMQP.BasicProperties persistent() {
    return new AMQP.BasicProperties.Builder().deliveryMode(2).build();
  }
}
