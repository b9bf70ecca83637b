package dev.outbox.relay.capture;

import dev.outbox.relay.model.OutboxMessage;
import java.time.Duration;
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
  private Future<?> last = CompletableFuture.completedFuture(null);

  PublishedMarker(DeliveryRows rows, DatabaseRetry database, Stopper stopper, String threadName) {
    this.rows = rows;
    this.database = database;
    this.stopper = stopper;
    this.thread = Executors.newSingleThreadExecutor(r -> new Thread(r, threadName));
  }

  /** Queues the marking of {@code confirmed} for the marker's thread; returns at once. */
  void submit(List<OutboxMessage> confirmed) {
    if (confirmed.isEmpty()) {
      return;
    }
    last =
        thread.submit(
            () -> {
              mark(confirmed);
              return null;
            });
  }

  /** Waits until every batch submitted so far is marked (one thread: the last one done is all). */
  void awaitMarked() throws InterruptedException {
    try {
      last.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof InterruptedException) {
        // The marker's thread was stopped (the relay's stop or the executor's shutdown): the
        // caller's thread was not interrupted.
        throw new Stopper.Stopping("marking stopped: " + e.getCause().getMessage());
      }
      throw new IllegalStateException("marking published outbox rows failed", e.getCause());
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
