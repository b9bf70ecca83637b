package dev.outbox.relay.publish;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import dev.outbox.config.AmqpConnections;
import dev.outbox.config.EventExchange;
import dev.outbox.relay.model.OutboxMessage;
import dev.outbox.relay.publish.PublishResult.Refusal;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Publishes to RabbitMQ on one channel in confirm mode, mandatory, persistent. It opens the
 * connection lazily and again after a failure (the client's automatic recovery is off: the caller
 * decides when to retry, so the order of messages stays its own). Not thread-safe: one caller at a
 * time; several sends may await their confirms at once, each send's answers collected by its {@link
 * Sent}, in the order sent.
 */
public final class RabbitMqPublisher implements MessagePublisher {

  private final AmqpConnections connections;
  private final ConnectionFactory factory;
  private final String exchange;
  private final int maxMessageBytes;
  private final Duration confirmTimeout;
  private Confirms confirms = new Confirms();
  // Sends not awaited yet, failed ones too (see send), oldest first.
  private final Deque<Sending> unsettled = new ArrayDeque<>();
  private Connection connection;
  private Channel channel;

  /**
   * @param connections EVENT_BUS_URL's brokers (tried in order on every connect)
   * @param exchange EVENT_BUS_EXCHANGE, declared with its alternate exchange on every connect
   * @param maxMessageBytes larger bodies are refused without sending (the broker would close the
   *     channel)
   * @param confirmTimeout how long to wait for the broker's answers before treating it as gone
   */
  private static final String NACKED = "rejected by the broker (nack)";

  public RabbitMqPublisher(
      AmqpConnections connections, String exchange, int maxMessageBytes, Duration confirmTimeout) {
    this.connections = connections;
    factory = connections.newFactory();
    factory.setAutomaticRecoveryEnabled(false);
    factory.setTopologyRecoveryEnabled(false);
    factory.setRequestedHeartbeat(5);
    factory.setConnectionTimeout(5_000);
    this.exchange = exchange;
    this.maxMessageBytes = maxMessageBytes;
    this.confirmTimeout = confirmTimeout;
  }

  @Override
  public PublishResult publish(List<OutboxMessage> messages) throws InterruptedException {
    return send(messages, true).await();
  }

  /**
   * {@inheritDoc}
   *
   * <p>While an earlier send that is not awaited yet failed or lost its channel, this send fails
   * too instead of going out on a new channel: these messages must not reach the broker before the
   * earlier send's unconfirmed rest, which its caller sends again (with {@link #publish}) after
   * awaiting it.
   */
  @Override
  public Sent send(List<OutboxMessage> messages) {
    return send(messages, unsettled.isEmpty());
  }

  // Only the oldest send (publish: the caller's retry of the oldest) may open a new channel.
  private Sending send(List<OutboxMessage> messages, boolean oldest) {
    if (!oldest && unsettled.stream().anyMatch(Sending::broken)) {
      IOException lost = new IOException("channel lost while an earlier batch awaits confirms");
      return outstanding(new Sending(messages, null, null, unavailable(lost, 0, true)));
    }
    Confirms tracker = null;
    Confirms.Batch batch = null;
    try {
      Channel ch = channel();
      tracker = confirms;
      batch = tracker.begin(messages.size());
      for (int i = 0; i < messages.size(); i++) {
        OutboxMessage m = messages.get(i);
        byte[] body = Envelope.body(m);
        if (body.length > maxMessageBytes) {
          tracker.refuse(batch, i, tooLarge(body.length));
          continue;
        }
        tracker.track(batch, ch.getNextPublishSeqNo(), i, m.id().toString());
        ch.basicPublish(exchange, m.eventType(), true, Envelope.properties(m), body);
      }
      return outstanding(new Sending(messages, tracker, batch, null));
    } catch (IOException | ShutdownSignalException | TimeoutException e) {
      discard(tracker);
      // With no channel yet, nothing is confirmed; a discarded channel takes no more answers.
      int prefix = batch == null ? 0 : tracker.confirmedPrefix(batch);
      return outstanding(new Sending(messages, tracker, batch, unavailable(e, prefix, false)));
    }
  }

  private Sending outstanding(Sending sending) {
    unsettled.add(sending);
    return sending;
  }

  private static BrokerUnavailableException unavailable(
      Exception cause, int confirmedPrefix, boolean reportedBefore) {
    return new BrokerUnavailableException(
        "RabbitMQ unavailable: " + cause.getMessage(), cause, confirmedPrefix, reportedBefore);
  }

  /** One send's messages and where their answers arrive; a failure of the send itself is kept. */
  private final class Sending implements Sent {
    private final List<OutboxMessage> messages;
    private final Confirms tracker;
    private final Confirms.Batch batch;
    private final BrokerUnavailableException failure;

    private Sending(
        List<OutboxMessage> messages,
        Confirms tracker,
        Confirms.Batch batch,
        BrokerUnavailableException failure) {
      this.messages = messages;
      this.tracker = tracker;
      this.batch = batch;
      this.failure = failure;
    }

    // Failed, or its channel was replaced: its unconfirmed rest will be sent again.
    private boolean broken() {
      return failure != null || tracker != confirms || channel == null || !channel.isOpen();
    }

    @Override
    public PublishResult await() throws InterruptedException {
      unsettled.remove(this);
      if (failure != null) {
        throw failure;
      }
      try {
        if (!tracker.await(batch, confirmTimeout.toMillis())) {
          throw new TimeoutException("no confirm within " + confirmTimeout.toMillis() + " ms");
        }
      } catch (ShutdownSignalException | TimeoutException e) {
        // Only answers to this send count. A replaced channel: an earlier send met the loss first.
        boolean reported = tracker != confirms;
        int prefix = tracker.confirmedPrefix(batch);
        discard(tracker);
        throw unavailable(e, prefix, reported);
      }
      List<Refusal> answered = tracker.refusals(batch, messages, NACKED);
      if (answered.stream().anyMatch(r -> r.reason().equals(NACKED))) {
        // A nack says the broker could not take the message, which in a cluster means a queue on a
        // node that went away; the channel's view of the queues can stay stale, so the retry gets
        // a new one.
        discard(tracker);
      }
      return new PublishResult(answered);
    }
  }

  private String tooLarge(int bytes) {
    return "message of " + bytes + " bytes exceeds EVENT_BUS_MAX_MESSAGE_BYTES=" + maxMessageBytes;
  }

  private Channel channel() throws IOException, TimeoutException {
    if (channel != null && channel.isOpen()) {
      return channel;
    }
    discard();
    connection = connections.open(factory, "outbox-relay");
    EventExchange.declare(connection, exchange);
    Channel ch = connection.createChannel();
    ch.confirmSelect();
    // One tracker per channel, so a late answer of a discarded channel cannot touch a new batch.
    Confirms tracker = new Confirms();
    ch.addReturnListener(r -> tracker.returned(r.getProperties().getMessageId(), r.getReplyText()));
    ch.addConfirmListener(
        (tag, multiple) -> tracker.answer(tag, multiple, true),
        (tag, multiple) -> tracker.answer(tag, multiple, false));
    ch.addShutdownListener(tracker::shutdown);
    confirms = tracker;
    channel = ch;
    return ch;
  }

  // Discards the channel {@code tracker} answers for, unless it was replaced already (a later send
  // may have opened a new one after the channel of an earlier send failed).
  private void discard(Confirms tracker) {
    if (tracker == null || tracker == confirms) {
      discard();
    }
  }

  private void discard() {
    Connection c = connection;
    connection = null;
    channel = null;
    if (c != null) {
      try {
        c.abort(1_000);
      } catch (AlreadyClosedException ignored) {
        // already gone, which is why it is being discarded
      }
    }
  }

  @Override
  public void close() {
    Connection c = connection;
    connection = null;
    channel = null;
    if (c != null && c.isOpen()) {
      try {
        c.close(2_000);
      } catch (IOException | AlreadyClosedException e) {
        c.abort(1_000);
      }
    }
  }
}
