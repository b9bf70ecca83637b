package dev.outbox.relay.capture;

import dev.outbox.relay.model.OutboxMessage;
import dev.outbox.relay.publish.BrokerUnavailableException;
import dev.outbox.relay.publish.MessagePublisher;
import dev.outbox.relay.publish.PublishResult;
import dev.outbox.relay.publish.PublishResult.Refusal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A broker that confirms what it is given, in order, unless told to refuse an event (as a nack), to
 * be down, or to lose the connection part way through the next batch. A {@link #send} reaches it at
 * once and its answers are handed over when awaited; after a lost connection, sends fail until a
 * {@link #publish} reconnects (as {@code RabbitMqPublisher} does while an earlier send is not
 * awaited).
 */
final class FakePublisher implements MessagePublisher {

  static final String NACK = "rejected by the broker (nack)";

  private final List<OutboxMessage> confirmed = new CopyOnWriteArrayList<>();
  private final Map<UUID, Integer> refusals = new ConcurrentHashMap<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger dropAfter = new AtomicInteger(-1);
  private final List<String> steps = new CopyOnWriteArrayList<>();
  private volatile boolean down;
  private volatile boolean lost;
  private final AtomicInteger failedSends = new AtomicInteger();

  /** Nacks {@code id} on each of its next {@code times} attempts. */
  void refuse(UUID id, int times) {
    refusals.put(id, times);
  }

  void brokerDown() {
    down = true;
  }

  void brokerUp() {
    down = false;
  }

  /** The next call confirms its first {@code confirms} messages, then loses the connection. */
  void loseConnectionAfter(int confirms) {
    dropAfter.set(confirms);
  }

  /** Every message confirmed so far, in the order the broker took them. */
  List<UUID> confirmedIds() {
    return confirmed.stream().map(OutboxMessage::id).toList();
  }

  int calls() {
    return calls.get();
  }

  /** "sent N" and "awaited N" for each send of N messages, in the order they happened. */
  List<String> steps() {
    return steps;
  }

  @Override
  public Sent send(List<OutboxMessage> messages) {
    steps.add("sent " + messages.size());
    BrokerUnavailableException failure = null;
    PublishResult result = null;
    if (lost || failedSends.get() > 0) {
      failure =
          new BrokerUnavailableException(
              "connection lost (fake)", new IOException("connection reset"), 0, true);
    } else {
      try {
        result = take(messages);
      } catch (BrokerUnavailableException e) {
        failure = e;
      }
    }
    if (failure != null) {
      failedSends.incrementAndGet();
    }
    BrokerUnavailableException failed = failure;
    PublishResult answered = result;
    return () -> {
      steps.add("awaited " + messages.size());
      if (failed != null) {
        failedSends.decrementAndGet();
        throw failed;
      }
      return answered;
    };
  }

  @Override
  public PublishResult publish(List<OutboxMessage> messages) {
    lost = false;
    return take(messages);
  }

  private PublishResult take(List<OutboxMessage> messages) {
    calls.incrementAndGet();
    if (down) {
      throw new BrokerUnavailableException(
          "RabbitMQ unavailable (fake)", new IOException("connection refused"), 0);
    }
    int drop = dropAfter.getAndSet(-1);
    List<Refusal> refused = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      if (i == drop) {
        lost = true;
        throw new BrokerUnavailableException(
            "connection lost (fake)", new IOException("connection reset"), drop);
      }
      OutboxMessage m = messages.get(i);
      if (refusals.getOrDefault(m.id(), 0) > 0) {
        refusals.merge(m.id(), -1, Integer::sum);
        refused.add(new Refusal(m, NACK));
      } else {
        confirmed.add(m);
      }
    }
    return new PublishResult(refused);
  }

  @Override
  public void close() {}
}
