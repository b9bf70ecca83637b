package dev.outbox.notifier.consume;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import dev.outbox.config.EventExchange;
import dev.outbox.notifier.config.QueueType;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Declares one consumer's queues ({@link QueueArguments}) and bindings; every declaration is
 * idempotent. A queue that exists with other arguments (a classic queue where quorum is asked for,
 * or the reverse) fails the start with {@link QueueMismatchException}, saying what to do.
 */
final class QueueTopology {

  private final String exchange;
  private final String queue;
  private final Set<String> routingKeys;
  private final List<Duration> retryDelays;
  private final QueueType type;

  QueueTopology(
      String exchange,
      String queue,
      Set<String> routingKeys,
      List<Duration> delays,
      QueueType type) {
    this.exchange = exchange;
    this.queue = queue;
    this.routingKeys = Set.copyOf(routingKeys);
    this.retryDelays = List.copyOf(delays);
    this.type = type;
  }

  void declare(Connection connection) throws IOException, TimeoutException {
    // The relay declares the exchange too, and RabbitMQ refuses a redeclaration with other
    // arguments: both use the one declaration of the config module.
    EventExchange.declare(connection, exchange);
    // The dead-letter queue first: the work queue dead-letters into it.
    declare(connection, QueueNames.deadLetter(queue), QueueArguments.deadLetter(type));
    declare(connection, queue, QueueArguments.work(type, queue));
    try (Channel channel = connection.createChannel()) {
      for (String key : routingKeys) {
        channel.queueBind(queue, exchange, key);
      }
    }
    for (Duration delay : retryDelays) {
      declare(connection, QueueNames.retry(queue, delay), QueueArguments.retry(type, queue, delay));
    }
  }

  // A channel per declaration: a refused one closes its channel.
  private void declare(Connection connection, String name, Map<String, Object> args)
      throws IOException, TimeoutException {
    Channel channel = connection.createChannel();
    try {
      channel.queueDeclare(name, true, false, false, args);
    } catch (IOException e) {
      if (refusedWith(e) != null) {
        throw new QueueMismatchException(name, type, refusedWith(e), e);
      }
      throw e;
    } finally {
      if (channel.isOpen()) {
        channel.close();
      }
    }
  }

  // The broker's reply text when it refused the declaration as PRECONDITION_FAILED, else null.
  private static String refusedWith(IOException e) {
    if (e.getCause() instanceof ShutdownSignalException signal
        && signal.getReason() instanceof AMQP.Channel.Close close
        && close.getReplyCode() == AMQP.PRECONDITION_FAILED) {
      return close.getReplyText();
    }
    return null;
  }

  /** A queue exists with arguments other than those NOTIFIER_QUEUE_TYPE declares. */
  static final class QueueMismatchException extends IOException {

    private static final long serialVersionUID = 1L;

    QueueMismatchException(String queue, QueueType type, String brokerSays, Throwable cause) {
      super(
          "queue "
              + queue
              + " exists with other arguments than NOTIFIER_QUEUE_TYPE="
              + type.name().toLowerCase(Locale.ROOT)
              + " declares ("
              + brokerSays
              + "). A queue's type and arguments cannot change in place: set NOTIFIER_QUEUE_TYPE"
              + " to the type it has (classic for queues of a notifier before quorum was the"
              + " default), or move to quorum queues as the notifier README's \"Moving from"
              + " classic queues\" says",
          cause);
    }
  }
}
