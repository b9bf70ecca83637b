package dev.outbox.relay.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.debezium.connector.base.ChangeEventQueue;
import io.debezium.pipeline.Sizeable;
import io.debezium.util.LoggingContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The waking storage, alone and inside Debezium's real {@code ChangeEventQueue} as the task uses it
 * ({@code max.batch.size=1}, the batch made by {@link WakingQueue#awaitBatch}).
 */
class WakingQueueTest {

  private static final long AN_HOUR = TimeUnit.HOURS.toNanos(1);

  private record Event(int n) implements Sizeable {
    @Override
    public long objectSize() {
      return 1;
    }
  }

  private final ExecutorService poller = Executors.newSingleThreadExecutor();
  private final AtomicReference<Thread> pollerThread = new AtomicReference<>();

  @AfterEach
  void stopPoller() {
    poller.shutdownNow();
  }

  private static ChangeEventQueue<Event> debeziumQueue(WakingQueue<Event> storage) {
    return new ChangeEventQueue.Builder<Event>()
        // Far longer than any test: a poll that reached its timed wait would hang the test.
        .pollInterval(Duration.ofHours(1))
        .maxBatchSize(1)
        .maxQueueSize(100)
        .queueProvider(storage)
        .loggingContextSupplier(() -> LoggingContext.forConnector("test", "test", "test"))
        .build();
  }

  private <R> Future<R> onPoller(Callable<R> call) {
    return poller.submit(
        () -> {
          pollerThread.set(Thread.currentThread());
          return call.call();
        });
  }

  private void awaitPollerParked() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              Thread t = pollerThread.get();
              return t != null && t.getState() == Thread.State.TIMED_WAITING;
            });
  }

  @Test
  void counts_and_hands_out_in_order() {
    WakingQueue<Event> q = new WakingQueue<>();
    q.enqueue(new Event(1));
    q.enqueue(new Event(2));

    assertThat(q.size()).isEqualTo(2);
    assertThat(q.poll()).isEqualTo(new Event(1));
    assertThat(q.poll()).isEqualTo(new Event(2));
    assertThat(q.poll()).isNull();
    assertThat(q.size()).isZero();
  }

  @Test
  void a_held_record_is_reported_without_waiting_and_an_empty_queue_times_out() throws Exception {
    WakingQueue<Event> q = new WakingQueue<>();
    assertThat(q.awaitRecord(1)).isFalse();

    q.enqueue(new Event(1));
    assertThat(q.awaitRecord(0)).isTrue();
  }

  @Test
  void the_first_record_wakes_a_parked_poller() throws Exception {
    WakingQueue<Event> q = new WakingQueue<>();
    Future<Boolean> woken = onPoller(() -> q.awaitRecord(AN_HOUR));
    awaitPollerParked();

    q.enqueue(new Event(1));

    assertThat(woken.get(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void closing_wakes_a_parked_poller_with_nothing() throws Exception {
    WakingQueue<Event> q = new WakingQueue<>();
    Future<List<Event>> batch = onPoller(() -> q.awaitBatch(AN_HOUR, 10, List::of));
    awaitPollerParked();

    q.close();

    assertThat(batch.get(30, TimeUnit.SECONDS)).isEmpty();
  }

  @Test
  void an_interrupt_ends_the_wait_as_an_interruption() throws Exception {
    WakingQueue<Event> q = new WakingQueue<>();
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    poller.execute(
        () -> {
          pollerThread.set(Thread.currentThread());
          try {
            q.awaitRecord(AN_HOUR);
            failure.complete(null);
          } catch (InterruptedException e) {
            failure.complete(e);
          }
        });
    awaitPollerParked();

    pollerThread.get().interrupt();

    assertThat(failure.get(30, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
  }

  @Test
  void debeziums_queue_hands_over_everything_queued_up_to_the_limit_in_order() throws Exception {
    WakingQueue<Event> storage = new WakingQueue<>();
    ChangeEventQueue<Event> queue = debeziumQueue(storage);
    for (int n = 1; n <= 5; n++) {
      queue.enqueue(new Event(n));
    }

    assertThat(storage.awaitBatch(AN_HOUR, 3, queue::poll))
        .containsExactly(new Event(1), new Event(2), new Event(3));
    assertThat(storage.awaitBatch(AN_HOUR, 3, queue::poll))
        .containsExactly(new Event(4), new Event(5));
    assertThat(storage.size()).isZero();
  }

  @Test
  void a_poller_parked_on_debeziums_empty_queue_gets_the_first_record() throws Exception {
    WakingQueue<Event> storage = new WakingQueue<>();
    ChangeEventQueue<Event> queue = debeziumQueue(storage);
    Future<List<Event>> batch = onPoller(() -> storage.awaitBatch(AN_HOUR, 100, queue::poll));
    awaitPollerParked();

    queue.enqueue(new Event(7));

    assertThat(batch.get(30, TimeUnit.SECONDS)).containsExactly(new Event(7));
  }

  @Test
  void a_producer_failure_surfaces_through_debeziums_queue() throws Exception {
    WakingQueue<Event> storage = new WakingQueue<>();
    ChangeEventQueue<Event> queue = debeziumQueue(storage);
    queue.enqueue(new Event(1));
    queue.producerException(new IllegalStateException("stream lost"));

    Future<List<Event>> batch = onPoller(() -> storage.awaitBatch(AN_HOUR, 10, queue::poll));

    assertThat(catchCause(batch)).isInstanceOf(IllegalStateException.class);
  }

  private static Throwable catchCause(Future<?> future) throws Exception {
    try {
      future.get(30, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }
}
