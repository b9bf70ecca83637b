package dev.outbox.relay.capture;

import dev.outbox.relay.model.OutboxMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain's mark step: sets published_at and published_lsn on the rows of confirmed events. The
 * capture has it done on a thread of its own, in the order the batches were confirmed ({@link
 * #submit}), so the next batch is taken from Debezium without waiting for the UPDATE (on a busy
 * database that round trip was the largest part of the relay's p99); {@link #awaitMarked()} is the
 * barrier the {@link OffsetCommitter} passes before it lets Debezium commit an offset, so a stored
 * offset never covers a row that is not marked.
 *
 * <p>Batches submitted while a mark runs are marked together in the next one: at a high rate the
 * relay's batches hold an event or two, and one transaction per batch (whose WAL the walsender also
 * has to read) cost the database more than the events themselves on a saturated machine (issue 17,
 * the 1,000 events/s step). Nothing waits for company: a batch submitted to an idle marker is
 * marked at once.
 *
 * <p>A mark that fails (the relay stopping) is remembered: every later {@link #awaitMarked()}
 * throws, so no offset is committed over rows a failed mark left unmarked, even if a later mark
 * succeeded.
 *
 * <p>Threads: {@link #submit} and {@link #awaitMarked} are called under the {@link
 * PublishingConsumer}'s lock, by the engine's thread for each batch and by the closing thread once
 * on a clean stop; the marks run on the marker's thread. One-shot deliveries call {@link #mark} on
 * their own thread, and then the marker's thread is never started.
 */
final class PublishedMarker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PublishedMarker.class);

  private final DeliveryRows rows;
  private final DatabaseRetry database;
  private final Stopper stopper;
  private final ExecutorService thread;
  // Guarded by this: the batches waiting for the next mark, whether a drain is scheduled, the
  // first failure.
  private final List<OutboxMessage> waiting = new ArrayList<>();
  private boolean draining;
  private Throwable failure;
  private Future<?> last = CompletableFuture.completedFuture(null);

  PublishedMarker(DeliveryRows rows, DatabaseRetry database, Stopper stopper, String threadName) {
    this.rows = rows;
    this.database = database;
    this.stopper = stopper;
    this.thread = Executors.newSingleThreadExecutor(r -> new Thread(r, threadName));
  }

  /** Queues the marking of {@code confirmed} for the marker's thread; returns at once. */
  synchronized void submit(List<OutboxMessage> confirmed) {
    if (confirmed.isEmpty()) {
      return;
    }
    waiting.addAll(confirmed);
    if (!draining) {
      draining = true;
      last = thread.submit(this::drain);
    }
  }

  /**
   * Waits until every batch submitted so far is marked: the drain that is running or scheduled
   * takes everything submitted before it finds nothing waiting.
   */
  void awaitMarked() throws InterruptedException {
    Future<?> current;
    synchronized (this) {
      current = last;
    }
    try {
      current.get();
    } catch (ExecutionException e) {
      // the drain recorded its failure below
    }
    synchronized (this) {
      if (failure instanceof InterruptedException) {
        // The marker's thread was stopped (the relay's stop or the executor's shutdown): the
        // caller's thread was not interrupted.
        throw new Stopper.Stopping("marking stopped: " + failure.getMessage());
      }
      if (failure != null) {
        throw new IllegalStateException("marking published outbox rows failed", failure);
      }
    }
  }

  // Marks what waits, then what came meanwhile, until nothing waits.
  private Void drain() throws InterruptedException {
    while (true) {
      List<OutboxMessage> batch;
      synchronized (this) {
        if (waiting.isEmpty()) {
          draining = false;
          return null;
        }
        batch = new ArrayList<>(waiting);
        waiting.clear();
      }
      try {
        mark(batch);
      } catch (InterruptedException | RuntimeException e) {
        synchronized (this) {
          if (failure == null) {
            failure = e;
          }
          draining = false;
        }
        throw e;
      }
    }
  }

  /**
   * Marks {@code confirmed} on the caller's thread, until the database answers; rows not found yet
   * are tried again briefly (see {@link DeliveryRows}). Throws when the relay stops first.
   */
  void mark(List<OutboxMessage> confirmed) throws InterruptedException {
    List<OutboxMessage> unmarked = confirmed;
    for (int attempt = 1; !unmarked.isEmpty(); attempt++) {
      List<OutboxMessage> batch = unmarked;
      Set<UUID> marked = new HashSet<>();
      database.run(() -> marked.addAll(rows.markPublished(batch)));
      unmarked = batch.stream().filter(m -> !marked.contains(m.id())).toList();
      if (!unmarked.isEmpty() && attempt == DeliveryRows.INVISIBLE_ROW_ATTEMPTS) {
        log.warn(
            "{} published events have no row any more (deleted?): {}",
            unmarked.size(),
            unmarked.stream().map(OutboxMessage::id).toList());
        return;
      }
      if (!unmarked.isEmpty()) {
        stopper.pause(Duration.ofMillis(10L * attempt));
      }
    }
  }

  /**
   * Lets a mark in progress finish (briefly), then stops; what is not marked is not acknowledged
   * either, and is read again after the restart.
   */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
