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
 * be down, or to lose the connection part way through the next batch.
 */
final class FakePublisher implements MessagePublisher {

  static final String NACK = "rejected by the broker (nack)";

  private final List<OutboxMessage> confirmed = new CopyOnWriteArrayList<>();
  private final Map<UUID, Integer> refusals = new ConcurrentHashMap<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger dropAfter = new AtomicInteger(-1);
  private volatile boolean down;

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

  @Override
  public PublishResult publish(List<OutboxMessage> messages) {
    calls.incrementAndGet();
    if (down) {
      throw new BrokerUnavailableException(
          "RabbitMQ unavailable (fake)", new IOException("connection refused"), 0);
    }
    int drop = dropAfter.getAndSet(-1);
    List<Refusal> refused = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      if (i == drop) {
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
