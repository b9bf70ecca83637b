package dev.outbox.relay.publish;

import com.rabbitmq.client.ShutdownSignalException;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The broker's answers on one channel: acks, nacks and returns, matched by publish sequence number
 * to the {@link Batch} and position of the message they answer. Several batches can await their
 * answers at once (the next one is published while the previous one's confirms are outstanding).
 * Returns arrive before the ack of the same message, so a returned message is known as such when
 * its ack comes in.
 */
final class Confirms {

  enum Answer {
    ACK,
    NACK,
    RETURNED
  }

  /** The answers to one publish call's messages, by position in that call. */
  static final class Batch {
    private final Answer[] answers;
    private final String[] ids;
    private final String[] returnReasons;
    private int outstanding;

    private Batch(int size) {
      answers = new Answer[size];
      ids = new String[size];
      returnReasons = new String[size];
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
      b.returnReasons[i] = reason;
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

  synchronized Answer answer(Batch batch, int index) {
    return batch.answers[index];
  }

  synchronized String returnReason(Batch batch, int index) {
    String reason = batch.returnReasons[index];
    return reason == null ? "returned as unroutable" : reason;
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
