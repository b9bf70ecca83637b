package dev.outbox.relay.window;

import io.debezium.connector.base.QueueProvider;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The storage of Debezium's change-event queue (its {@code QueueProvider} SPI) that also wakes the
 * task's poller on the first record, so the poller can sleep while the WAL is idle instead of
 * polling the queue every interval.
 *
 * <p>Debezium 3.6.1's {@code ChangeEventQueue.poll()} is woken only by a full batch and otherwise
 * waits {@code poll.interval.ms}, spinning through its last millisecond; nothing a provider does
 * shortens that wait. So {@link WindowedPostgresTask#doPoll()} does not call it on an empty queue:
 * it waits here ({@link #awaitBatch}) and calls it only while this queue holds records.
 *
 * <p>{@code ChangeEventQueue} calls {@link #enqueue} (the streaming thread) and {@link #poll} (the
 * polling thread) under its own lock, so the deque needs no lock of its own; the count is atomic
 * because {@link #awaitRecord} and {@link #size} read it without that lock.
 *
 * @param <T> the queued event (Debezium's {@code DataChangeEvent}; anything in tests)
 */
final class WakingQueue<T> implements QueueProvider<T> {

  /** Takes the next records from the queue this storage belongs to ({@code ChangeEventQueue}). */
  @FunctionalInterface
  interface Take<R> {
    List<R> next() throws InterruptedException;
  }

  private final ArrayDeque<T> records = new ArrayDeque<>();
  private final AtomicInteger count = new AtomicInteger();
  private volatile Thread waiter;
  private volatile boolean closed;

  @Override
  public String name() {
    return "outbox-waking";
  }

  /** Nothing to configure: the deque grows, and {@code max.queue.size} bounds it from outside. */
  @Override
  public void configure(Map<String, ?> properties) {}

  @Override
  public void enqueue(T event) {
    records.add(event);
    // Only the first record of an empty queue wakes the poller: while it drains, none is needed.
    if (count.getAndIncrement() == 0) {
      wake();
    }
  }

  @Override
  public T poll() {
    T event = records.poll();
    if (event != null) {
      count.decrementAndGet();
    }
    return event;
  }

  @Override
  public int size() {
    return count.get();
  }

  /** Wakes a waiting poller for good: the task is stopping. */
  @Override
  public void close() {
    closed = true;
    wake();
  }

  /**
   * Waits for a record as {@link #awaitRecord} does, then calls {@code take} while this queue holds
   * records, until the batch has {@code limit} (records that arrive meanwhile join it).
   *
   * @return the batch; empty when no record came within {@code timeoutNanos} or the queue closed
   */
  <R> List<R> awaitBatch(long timeoutNanos, int limit, Take<R> take) throws InterruptedException {
    if (!awaitRecord(timeoutNanos)) {
      return List.of();
    }
    List<R> batch = new ArrayList<>(Math.min(limit, size()));
    while (batch.size() < limit && size() > 0) {
      batch.addAll(take.next());
    }
    return batch;
  }

  /**
   * Blocks until this queue holds a record, it is closed, or {@code timeoutNanos} have passed; one
   * thread at a time.
   *
   * @return whether a record is held
   * @throws InterruptedException when the thread is interrupted (the engine stopping), as {@code
   *     ChangeEventQueue.poll()} would
   */
  boolean awaitRecord(long timeoutNanos) throws InterruptedException {
    if (count.get() > 0) {
      return true;
    }
    long deadline = System.nanoTime() + timeoutNanos;
    // Published before the count is read again below, and the producer reads it after its
    // increment: either the producer sees this thread and unparks it, or this thread sees the
    // record.
    waiter = Thread.currentThread();
    try {
      while (count.get() == 0 && !closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        LockSupport.parkNanos(this, left);
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
      }
      return count.get() > 0;
    } finally {
      waiter = null;
    }
  }

  private void wake() {
    Thread w = waiter;
    if (w != null) {
      LockSupport.unpark(w);
    }
  }
}
