package dev.outbox.relay.capture;

import dev.outbox.config.Outage;
import dev.outbox.relay.metrics.RelayMetrics;
import dev.outbox.relay.model.OutboxMessage;
import dev.outbox.relay.publish.MessagePublisher;
import java.util.List;

/**
 * Publishes and marks one batch at a time on the caller's thread, for the one-shot paths that
 * deliver rows they read themselves (the re-drive of parked events, replays from the rows): {@link
 * BatchPublisher}, then {@link PublishedMarker#mark}, before the next batch is read.
 */
final class SynchronousDelivery {

  private final BatchPublisher publisher;
  private final PublishedMarker marker;

  SynchronousDelivery(
      MessagePublisher publisher, DeliveryRows rows, RelayMetrics metrics, int maxRetries) {
    Stopper stopper = new Stopper();
    DatabaseRetry database = new DatabaseRetry(metrics, stopper);
    this.publisher =
        new BatchPublisher(
            publisher,
            new Outage("RabbitMQ (relay)"),
            rows,
            database,
            metrics,
            maxRetries,
            stopper);
    // Used through mark() only, so its thread is never started.
    this.marker = new PublishedMarker(rows, database, stopper, "relay-marker-unused");
  }

  /**
   * Delivers {@code messages} and marks them published; returns the confirmed (not parked) ones.
   */
  List<OutboxMessage> deliver(List<OutboxMessage> messages) throws InterruptedException {
    List<OutboxMessage> confirmed = publisher.publish(messages);
    marker.mark(confirmed);
    return confirmed;
  }
}
