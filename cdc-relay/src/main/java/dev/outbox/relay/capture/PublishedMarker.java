package dev.outbox.relay.capture;

import dev.outbox.relay.model.OutboxMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Marks confirmed events published on a thread of its own, in the order the batches were confirmed,
 * so the next batch is taken from Debezium without waiting for the UPDATE (on a busy database that
 * round trip was the largest part of the relay's p99). {@link #awaitMarked()} is the barrier the
 * consumer passes before it lets Debezium commit an offset: a stored offset never covers a row that
 * is not marked. Used from the engine's thread only.
 */
final class PublishedMarker implements AutoCloseable {

  private final BatchDelivery delivery;
  private final ExecutorService thread;
  private Future<?> last = CompletableFuture.completedFuture(null);

  PublishedMarker(BatchDelivery delivery, String slotName) {
    this.delivery = delivery;
    this.thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "relay-marker-" + slotName));
  }

  /** Queues the marking of {@code confirmed}; returns at once. */
  void submit(List<OutboxMessage> confirmed) {
    if (confirmed.isEmpty()) {
      return;
    }
    last =
        thread.submit(
            () -> {
              delivery.markPublished(confirmed);
              return null;
            });
  }

  /** Waits until every batch submitted so far is marked (one thread: the last one done is all). */
  void awaitMarked() throws InterruptedException {
    try {
      last.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof InterruptedException stopping) {
        throw stopping;
      }
      throw new IllegalStateException("marking published outbox rows failed", e.getCause());
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
