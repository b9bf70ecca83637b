package dev.outbox.notifier;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.outbox.notifier.consume.ConfirmedPublisher;
import dev.outbox.notifier.consume.QueueNames;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Where {@code dlq discard} puts poison messages: {@code <work queue>.parked}, durable, consumed by
 * nothing, the messages unchanged (so their {@link DeadLetterId} stays the same). Bounded at
 * {@value #MAX_LENGTH} messages with {@code reject-publish}: once full, the broker refuses the next
 * message instead of silently dropping the oldest, and that message stays in the dead-letter queue
 * (drop it with {@code --drop}, or empty the parking queue from the management UI). Nothing here
 * expires.
 */
final class ParkingQueue {

  static final long MAX_LENGTH = 10_000;

  private ParkingQueue() {}

  static void declare(Connection connection, String workQueue)
      throws IOException, TimeoutException {
    try (Channel channel = connection.createChannel()) {
      channel.queueDeclare(
          QueueNames.parked(workQueue),
          true,
          false,
          false,
          Map.of("x-max-length", MAX_LENGTH, "x-overflow", "reject-publish"));
    }
  }

  static void publish(
      ConfirmedPublisher publisher, String workQueue, AMQP.BasicProperties props, byte[] body)
      throws IOException, TimeoutException {
    String parked = QueueNames.parked(workQueue);
    try {
      publisher.publish(parked, props, body);
    } catch (IOException e) {
      throw new IOException(
          parked + " refused the message (full at " + MAX_LENGTH + "?); it stays a dead letter", e);
    }
  }
}
