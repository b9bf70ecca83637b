package dev.outbox.config;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event exchange's shape (docs/events.md, "Exchange topology"), declared by whichever role
 * starts first, the relay or the notifier, and so declared here once: RabbitMQ refuses a
 * redeclaration with other arguments. A durable topic exchange whose alternate exchange routes
 * every message no queue is bound for into a durable queue, bounded by {@link UnroutableBound}: it
 * keeps the newest messages up to a count and an age and drops the oldest beyond either.
 */
public final class EventExchange {

  private static final Logger log = LoggerFactory.getLogger(EventExchange.class);
  private static final int PRECONDITION_FAILED = 406;

  /**
   * How much of what nobody consumes the broker keeps: at most {@code maxLength} messages, none
   * older than {@code maxAge}. The default age is OUTBOX_RETENTION's default, so that whatever the
   * broker dropped by age can still be replayed from its outbox row until that row goes too.
   */
  public record UnroutableBound(long maxLength, Duration maxAge) {

    public static final UnroutableBound DEFAULT = new UnroutableBound(100_000, Duration.ofDays(7));

    public UnroutableBound {
      if (maxLength < 1 || maxAge.toMillis() < 1) {
        throw new IllegalArgumentException("the unroutable bound must be positive");
      }
    }

    /**
     * The queue arguments: drop the oldest (the broker's default overflow, stated). A quorum queue,
     * because a classic queue lives on one node: with that node down, every redeclaration of the
     * topology fails ("home node is down") and with it the relay's reconnect to the other nodes.
     */
    public Map<String, Object> arguments() {
      return Map.of(
          "x-queue-type",
          "quorum",
          "x-max-length",
          maxLength,
          "x-message-ttl",
          maxAge.toMillis(),
          "x-overflow",
          "drop-head");
    }
  }

  private EventExchange() {}

  /** The alternate exchange and the queue that keep the unroutable messages of {@code exchange}. */
  public static String unroutableName(String exchange) {
    return exchange + ".unroutable";
  }

  /** Declares (idempotently) the exchange, its alternate exchange and the bounded queue. */
  public static void declare(Connection connection, String exchange)
      throws IOException, TimeoutException {
    declare(connection, exchange, UnroutableBound.DEFAULT);
  }

  /** As {@link #declare(Connection, String)} with another bound (tests of the bound itself). */
  public static void declare(Connection connection, String exchange, UnroutableBound bound)
      throws IOException, TimeoutException {
    String unroutable = unroutableName(exchange);
    try (Channel channel = connection.createChannel()) {
      channel.exchangeDeclare(unroutable, BuiltinExchangeType.FANOUT, true, false, Map.of());
      channel.exchangeDeclare(
          exchange,
          BuiltinExchangeType.TOPIC,
          true,
          false,
          Map.of("alternate-exchange", unroutable));
    }
    declareQueue(connection, unroutable, bound);
    try (Channel channel = connection.createChannel()) {
      channel.queueBind(unroutable, unroutable, "");
    }
  }

  // A queue declared by a version before the bound has no arguments, and RabbitMQ refuses to
  // change a queue's arguments (PRECONDITION_FAILED, which closes the channel). Such a queue is
  // kept as it is, so that an upgrade starts; README "Bounded unroutable queue" says how to bound
  // it (a policy, or deleting it so that the next start declares it bounded).
  private static void declareQueue(Connection connection, String queue, UnroutableBound bound)
      throws IOException, TimeoutException {
    Channel channel = connection.createChannel();
    try {
      channel.queueDeclare(queue, true, false, false, bound.arguments());
      channel.close();
    } catch (IOException e) {
      if (!isPreconditionFailed(e)) {
        throw e;
      }
      try (Channel passive = connection.createChannel()) {
        passive.queueDeclarePassive(queue);
      }
      log.warn(
          "queue {} exists with other arguments than this version declares ({}), probably"
              + " unbounded from an earlier version: it is used as it is. Bound it with a"
              + " policy or delete it (README, \"Bounded unroutable queue\")",
          queue,
          bound.arguments());
    }
  }

  private static boolean isPreconditionFailed(IOException e) {
    return e.getCause() instanceof ShutdownSignalException signal
        && signal.getReason() instanceof com.rabbitmq.client.AMQP.Channel.Close close
        && close.getReplyCode() == PRECONDITION_FAILED;
  }
}
