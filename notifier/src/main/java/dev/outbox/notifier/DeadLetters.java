package dev.outbox.notifier;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.ShutdownSignalException;
import dev.outbox.notifier.config.NotifierConfig;
import dev.outbox.notifier.consume.ConfirmedPublisher;
import dev.outbox.notifier.consume.MessageHeaders;
import dev.outbox.notifier.consume.QueueNames;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code dlq list}, {@code dlq redrive} and {@code dlq discard} over the notifier's dead-letter
 * queues. Listing looks at messages without removing them (they are fetched unacknowledged and
 * handed back). Redriving moves messages back to their work queue as a fresh first attempt marked
 * redriven, which lets the notifier try deliveries that failed for good before; deliveries already
 * sent stay sent. Discarding parks messages (or drops them) so that a redrive of everything no
 * longer brings a poison message back. Every move publishes with confirms before it acknowledges
 * the dead letter: a failure leaves the message where it was.
 */
public final class DeadLetters implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

  private final Connection connection;
  private final List<String> workQueues;
  private final boolean ownsConnection;

  /** Works on the dead-letter queues of {@code workQueues}, over a connection the caller owns. */
  public DeadLetters(Connection connection, List<String> workQueues) {
    this(connection, workQueues, false);
  }

  private DeadLetters(Connection connection, List<String> workQueues, boolean ownsConnection) {
    this.connection = connection;
    this.workQueues = List.copyOf(workQueues);
    this.ownsConnection = ownsConnection;
  }

  /**
   * Connects to {@code EVENT_BUS_URL} and works on the dead-letter queues of both notifier
   * consumers; {@link #close()} closes that connection.
   */
  public static DeadLetters connect(NotifierConfig config) throws IOException, TimeoutException {
    List<String> queues = List.of(config.consumer().queue(), config.consumer().analyticsQueue());
    return new DeadLetters(config.bus().connections().open("outbox-dlq"), queues, true);
  }

  @Override
  public void close() throws IOException {
    if (ownsConnection && connection.isOpen()) {
      connection.close();
    }
  }

  /** The depth across the queues and up to {@code limit} dead letters, oldest first per queue. */
  public DeadLetterListing list(int limit) throws IOException, TimeoutException {
    List<DeadLetter> letters = new ArrayList<>();
    long depth = 0;
    for (String queue : workQueues) {
      String dlq = QueueNames.deadLetter(queue);
      // counted before fetching: a fetched, unacknowledged message no longer counts as ready
      int waiting = waiting(dlq);
      if (waiting < 0) {
        continue;
      }
      depth += waiting;
      try (Channel channel = connection.createChannel()) {
        GetResponse message;
        while (letters.size() < limit && (message = channel.basicGet(dlq, false)) != null) {
          letters.add(describe(dlq, message));
        }
      }
    }
    return new DeadLetterListing(depth, letters);
  }

  /** The number of dead letters across the queues. */
  public long depth() throws IOException, TimeoutException {
    long depth = 0;
    for (String queue : workQueues) {
      depth += Math.max(0, waiting(QueueNames.deadLetter(queue)));
    }
    return depth;
  }

  /**
   * Moves the dead letters with {@link DeadLetterId} {@code id}, or all of them when empty, back to
   * their work queues; returns how many moved.
   */
  public int redrive(Optional<String> id) throws IOException, TimeoutException {
    return move(
        id,
        (publisher, queue, message) ->
            publisher.publish(
                queue, MessageHeaders.redriven(message.getProps()), message.getBody()));
  }

  /**
   * Moves the dead letters with {@link DeadLetterId} {@code id}, or all of them when empty, to
   * their work queue's parking queue ({@link ParkingQueue}), where nothing consumes them; returns
   * how many moved.
   *
   * @throws IOException also when the parking queue is full: the message then stays where it was
   */
  public int park(Optional<String> id) throws IOException, TimeoutException {
    for (String queue : workQueues) {
      ParkingQueue.declare(connection, queue);
    }
    return move(
        id,
        (publisher, queue, message) ->
            ParkingQueue.publish(publisher, queue, message.getProps(), message.getBody()));
  }

  /**
   * Drops the dead letters with {@link DeadLetterId} {@code id}, or all of them when empty, logging
   * one line per message (id, type, queue, reason); returns how many went.
   */
  public int drop(Optional<String> id) throws IOException, TimeoutException {
    return move(
        id,
        (publisher, queue, message) -> {
          DeadLetter letter = describe(QueueNames.deadLetter(queue), message);
          log.info(
              "dropped dead letter {} ({}) from {}: {}",
              letter.id(),
              letter.eventType(),
              letter.queue(),
              letter.reason());
        });
  }

  /** Where {@link #move} takes a message before acknowledging it in the dead-letter queue. */
  private interface Destination {
    void take(ConfirmedPublisher publisher, String workQueue, GetResponse message)
        throws IOException, TimeoutException;
  }

  private int move(Optional<String> id, Destination destination)
      throws IOException, TimeoutException {
    int moved = 0;
    for (String queue : workQueues) {
      String dlq = QueueNames.deadLetter(queue);
      int waiting = waiting(dlq);
      try (Channel channel = connection.createChannel()) {
        ConfirmedPublisher publisher = new ConfirmedPublisher(channel);
        for (int i = 0; i < waiting; i++) {
          GetResponse message = channel.basicGet(dlq, false);
          if (message == null) {
            break;
          }
          if (id.isPresent()
              && !id.get().equals(DeadLetterId.of(message.getProps(), message.getBody()))) {
            continue; // left unacknowledged: back in the queue when the channel closes
          }
          destination.take(publisher, queue, message);
          channel.basicAck(message.getEnvelope().getDeliveryTag(), false);
          moved++;
        }
      }
    }
    return moved;
  }

  /**
   * The messages in {@code dlq}, or -1 when it does not exist (no notifier declared it yet).
   * Passive: the queue's type and arguments are the notifier's to declare (NOTIFIER_QUEUE_TYPE),
   * and a declaration with others would be refused.
   */
  private int waiting(String dlq) throws IOException, TimeoutException {
    Channel channel = connection.createChannel();
    try {
      return channel.queueDeclarePassive(dlq).getMessageCount();
    } catch (IOException e) {
      if (e.getCause() instanceof ShutdownSignalException signal
          && signal.getReason() instanceof AMQP.Channel.Close close
          && close.getReplyCode() == AMQP.NOT_FOUND) {
        return -1;
      }
      throw e;
    } finally {
      if (channel.isOpen()) {
        channel.close();
      }
    }
  }

  private static DeadLetter describe(String dlq, GetResponse message) {
    AMQP.BasicProperties props = message.getProps();
    String attempts = MessageHeaders.text(props, MessageHeaders.ATTEMPTS);
    String time = MessageHeaders.text(props, MessageHeaders.TIME);
    return new DeadLetter(
        DeadLetterId.of(props, message.getBody()),
        dlq,
        props.getMessageId(),
        props.getType() != null ? props.getType() : MessageHeaders.text(props, "routing_key"),
        reason(props),
        attempts == null ? 0 : Integer.parseInt(attempts),
        MessageHeaders.text(props, MessageHeaders.HANDLER),
        parse(time));
  }

  // The notifier's own reason, else the broker's: a quorum queue dead-letters a message handed back
  // unsettled more than its x-delivery-limit times (reason delivery_limit in x-death).
  private static String reason(AMQP.BasicProperties props) {
    String reason = MessageHeaders.text(props, MessageHeaders.REASON);
    if (reason != null) {
      return reason;
    }
    Object deaths = props.getHeaders() == null ? null : props.getHeaders().get("x-death");
    if (deaths instanceof List<?> list
        && !list.isEmpty()
        && list.get(0) instanceof Map<?, ?> death
        && death.get("reason") != null) {
      return "dead-lettered by RabbitMQ: "
          + death.get("reason")
          + " (from "
          + death.get("queue")
          + ")";
    }
    return null;
  }

  private static Instant parse(String time) {
    try {
      return time == null ? null : Instant.parse(time);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
