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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Publishes to RabbitMQ on one channel in confirm mode, mandatory, persistent. It opens the
 * connection lazily and again after a failure (the client's automatic recovery is off: the caller
 * decides when to retry, so the order of messages stays its own). Not thread-safe: one batch at a
 * time.
 */
public final class RabbitMqPublisher implements MessagePublisher {

  private final AmqpConnections connections;
  private final ConnectionFactory factory;
  private final String exchange;
  private final int maxMessageBytes;
  private final Duration confirmTimeout;
  private Confirms confirms = new Confirms();
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
    List<Refusal> refused = new ArrayList<>();
    Confirms batch = null;
    try {
      Channel ch = channel();
      batch = confirms;
      batch.begin(messages.size());
      for (int i = 0; i < messages.size(); i++) {
        OutboxMessage m = messages.get(i);
        byte[] body = Envelope.body(m);
        if (body.length > maxMessageBytes) {
          refused.add(new Refusal(m, tooLarge(body.length)));
          continue;
        }
        batch.track(ch.getNextPublishSeqNo(), i, m.id().toString());
        ch.basicPublish(exchange, m.eventType(), true, Envelope.properties(m), body);
      }
      if (!batch.await(confirmTimeout.toMillis())) {
        throw new TimeoutException("no confirm within " + confirmTimeout.toMillis() + " ms");
      }
    } catch (IOException | ShutdownSignalException | TimeoutException e) {
      // Only answers of this call count; with no channel yet, nothing is confirmed.
      int prefix = batch == null ? 0 : batch.confirmedPrefix();
      discard();
      throw new BrokerUnavailableException("RabbitMQ unavailable: " + e.getMessage(), e, prefix);
    }
    List<Refusal> answered = answers(messages, refused);
    if (answered.stream().anyMatch(r -> r.reason().equals(NACKED))) {
      // A nack says the broker could not take the message, which in a cluster means a queue on a
      // node that went away; the channel's view of the queues can stay stale, so the retry gets a
      // new one.
      discard();
    }
    return new PublishResult(answered);
  }

  private List<Refusal> answers(List<OutboxMessage> messages, List<Refusal> tooLarge) {
    List<Refusal> refused = new ArrayList<>(tooLarge);
    for (int i = 0; i < messages.size(); i++) {
      Confirms.Answer a = confirms.answer(i);
      if (a == Confirms.Answer.NACK) {
        refused.add(new Refusal(messages.get(i), NACKED));
      } else if (a == Confirms.Answer.RETURNED) {
        refused.add(new Refusal(messages.get(i), confirms.returnReason(i)));
      }
    }
    refused.sort(
        (x, y) -> Integer.compare(messages.indexOf(x.message()), messages.indexOf(y.message())));
    return refused;
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
