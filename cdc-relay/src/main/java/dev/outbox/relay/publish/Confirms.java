package dev.outbox.relay.publish;

import com.rabbitmq.client.ShutdownSignalException;
import dev.outbox.relay.model.OutboxMessage;
import dev.outbox.relay.publish.PublishResult.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The broker's answers on one channel: acks, nacks and returns (and the publisher's own refusals),
 * matched by publish sequence number to the {@link Batch} and position of the message they answer.
 * Several batches can await their answers at once (the next one is published while the previous
 * one's confirms are outstanding). Returns arrive before the ack of the same message, so a returned
 * message is known as such when its ack comes in.
 */
final class Confirms {

  enum Answer {
    ACK,
    NACK,
    RETURNED,
    /** Not sent: the publisher refused it itself (too large). */
    REFUSED
  }

  /** The answers to one publish call's messages, by position in that call. */
  static final class Batch {
    private final Answer[] answers;
    private final String[] ids;
    private final String[] reasons;
    private int outstanding;

    private Batch(int size) {
      answers = new Answer[size];
      ids = new String[size];
      reasons = new String[size];
    }
  }

  private record Slot(Batch batch, int index) {}

  private final NavigableMap<Long, Slot> outstanding = new TreeMap<>();
  private final Map<String, String> returned = new ConcurrentHashMap<>();
  private ShutdownSignalException shutdown;

  Batch begin(int size) {
    return new Batch(size);
  }

  synchronized void track(Batch batch, long sequence, int index, String messageId) {
    outstanding.put(sequence, new Slot(batch, index));
    batch.ids[index] = messageId;
    batch.outstanding++;
  }

  /** {@code index} of {@code batch} was not sent, for {@code reason}. */
  synchronized void refuse(Batch batch, int index, String reason) {
    batch.answers[index] = Answer.REFUSED;
    batch.reasons[index] = reason;
  }

  void returned(String messageId, String reason) {
    if (messageId != null) {
      returned.put(messageId, reason);
    }
  }

  synchronized void answer(long tag, boolean multiple, boolean ack) {
    NavigableMap<Long, Slot> done =
        multiple ? outstanding.headMap(tag, true) : outstanding.subMap(tag, true, tag, true);
    for (Slot slot : done.values()) {
      Batch b = slot.batch();
      int i = slot.index();
      String reason = returned.remove(b.ids[i]);
      b.answers[i] = !ack ? Answer.NACK : reason != null ? Answer.RETURNED : Answer.ACK;
      b.reasons[i] = reason;
      b.outstanding--;
    }
    done.clear();
    notifyAll();
  }

  synchronized void shutdown(ShutdownSignalException cause) {
    shutdown = cause;
    notifyAll();
  }

  /**
   * Waits for every answer of {@code batch}; false on timeout; throws when the channel shut down
   * before they all came.
   */
  synchronized boolean await(Batch batch, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (batch.outstanding > 0) {
      if (shutdown != null) {
        throw shutdown;
      }
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }

  /**
   * The messages of {@code batch} (sent as {@code messages}) the broker or the publisher refused,
   * in publish order, with the reason; a nack's is {@code nackReason}.
   */
  synchronized List<Refusal> refusals(
      Batch batch, List<OutboxMessage> messages, String nackReason) {
    List<Refusal> refused = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      Answer a = batch.answers[i];
      if (a == Answer.NACK) {
        refused.add(new Refusal(messages.get(i), nackReason));
      } else if (a == Answer.RETURNED || a == Answer.REFUSED) {
        refused.add(new Refusal(messages.get(i), batch.reasons[i]));
      }
    }
    return refused;
  }

  /** How many leading messages of {@code batch} are acked (not returned, not refused). */
  synchronized int confirmedPrefix(Batch batch) {
    int n = 0;
    while (n < batch.answers.length && batch.answers[n] == Answer.ACK) {
      n++;
    }
    return n;
  }
}
