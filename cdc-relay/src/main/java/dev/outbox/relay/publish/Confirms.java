package dev.outbox.relay.publish;

import com.rabbitmq.client.ShutdownSignalException;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The broker's answers to one publish batch on one channel: acks, nacks and returns, matched to the
 * batch's messages by publish sequence number. Returns arrive before the ack of the same message,
 * so a returned message is known as such when its ack comes in.
 */
final class Confirms {

  enum Answer {
    ACK,
    NACK,
    RETURNED
  }

  private final NavigableMap<Long, Integer> outstanding = new TreeMap<>();
  private final Map<String, String> returned = new ConcurrentHashMap<>();
  private Answer[] answers = new Answer[0];
  private String[] ids = new String[0];
  private ShutdownSignalException shutdown;

  synchronized void begin(int size) {
    outstanding.clear();
    returned.clear();
    answers = new Answer[size];
    ids = new String[size];
  }

  synchronized void track(long sequence, int index, String messageId) {
    outstanding.put(sequence, index);
    ids[index] = messageId;
  }

  void returned(String messageId, String reason) {
    if (messageId != null) {
      returned.put(messageId, reason);
    }
  }

  String returnReason(int index) {
    return returned.getOrDefault(ids[index], "returned as unroutable");
  }

  synchronized void answer(long tag, boolean multiple, boolean ack) {
    NavigableMap<Long, Integer> done =
        multiple ? outstanding.headMap(tag, true) : outstanding.subMap(tag, true, tag, true);
    for (int index : done.values()) {
      answers[index] =
          !ack ? Answer.NACK : returned.containsKey(ids[index]) ? Answer.RETURNED : Answer.ACK;
    }
    done.clear();
    notifyAll();
  }

  synchronized void shutdown(ShutdownSignalException cause) {
    shutdown = cause;
    notifyAll();
  }

  /** Waits for every answer; false on timeout; throws when the channel shut down meanwhile. */
  synchronized boolean await(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (!outstanding.isEmpty()) {
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

  synchronized Answer answer(int index) {
    return answers[index];
  }

  /** How many leading messages are acked (not returned, not refused). */
  synchronized int confirmedPrefix() {
    int n = 0;
    while (n < answers.length && answers[n] == Answer.ACK) {
      n++;
    }
    return n;
  }
}
