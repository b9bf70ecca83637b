package dev.outbox.relay.capture;

import dev.outbox.config.Outage;
import dev.outbox.relay.metrics.RelayMetrics;
import dev.outbox.relay.model.OutboxMessage;
import dev.outbox.relay.publish.BrokerUnavailableException;
import dev.outbox.relay.publish.MessagePublisher;
import dev.outbox.relay.publish.PublishResult;
import dev.outbox.relay.publish.PublishResult.Refusal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain's publish step: publishes one batch in WAL order and returns only when every message is
 * confirmed by the broker or parked. A lost broker is retried with backoff, resuming after the
 * confirmed prefix, so nothing is skipped or reordered; its outage is logged once when it starts
 * and once when it ends, by the {@link Outage} it shares with whoever else watches the broker. An
 * event the broker refuses (nack, returned as unroutable, too large) counts a failed attempt on its
 * row and is sent again after a pause, until it is parked after {@code maxRetries} attempts. Throws
 * {@link InterruptedException} when the relay stops first: then nothing of the batch may be
 * acknowledged.
 */
final class BatchPublisher {

  private static final Logger log = LoggerFactory.getLogger(BatchPublisher.class);

  private final MessagePublisher publisher;
  private final DeliveryRows rows;
  private final DatabaseRetry database;
  private final RelayMetrics metrics;
  private final int maxRetries;
  private final Stopper stopper;
  private final Outage broker;

  BatchPublisher(
      MessagePublisher publisher,
      Outage broker,
      DeliveryRows rows,
      DatabaseRetry database,
      RelayMetrics metrics,
      int maxRetries,
      Stopper stopper) {
    this.publisher = publisher;
    this.broker = broker;
    this.rows = rows;
    this.database = database;
    this.metrics = metrics;
    this.maxRetries = maxRetries;
    this.stopper = stopper;
  }

  /** Publishes {@code messages}; returns the confirmed ones (all but the parked), in order. */
  List<OutboxMessage> publish(List<OutboxMessage> messages) throws InterruptedException {
    if (messages.isEmpty()) {
      return messages;
    }
    Set<UUID> parked = publishUntilSettled(messages);
    List<OutboxMessage> confirmed = new ArrayList<>(messages.size());
    for (OutboxMessage m : messages) {
      if (!parked.contains(m.id())) {
        confirmed.add(m);
      }
    }
    record(confirmed, Instant.now());
    return confirmed;
  }

  // Rounds of the refused rest; returns the ids that are parked.
  private Set<UUID> publishUntilSettled(List<OutboxMessage> messages) throws InterruptedException {
    Set<UUID> parked = new HashSet<>();
    List<OutboxMessage> pending = messages;
    for (int round = 1; !pending.isEmpty(); round++) {
      if (round > maxRetries + DeliveryRows.INVISIBLE_ROW_ATTEMPTS) {
        log.warn("events refused with no row to count the failure on (deleted?): {}", pending);
        pending.forEach(m -> parked.add(m.id()));
        break;
      }
      List<OutboxMessage> retry = new ArrayList<>();
      for (Refusal refusal : publishUntilAnswered(pending).refused()) {
        metrics.failed();
        if (recordFailure(refusal)) {
          parked.add(refusal.message().id());
        } else {
          retry.add(refusal.message());
        }
      }
      pending = retry;
      if (!pending.isEmpty()) {
        stopper.backOff(round);
      }
    }
    return parked;
  }

  private PublishResult publishUntilAnswered(List<OutboxMessage> messages)
      throws InterruptedException {
    List<OutboxMessage> pending = messages;
    while (true) {
      try {
        PublishResult result = publisher.publish(pending);
        broker.succeeded();
        return result;
      } catch (BrokerUnavailableException e) {
        if (broker.failed(e)) {
          metrics.outage("rabbitmq");
        }
        pending = pending.subList(e.confirmedPrefix(), pending.size());
        if (pending.isEmpty()) {
          return new PublishResult(List.of());
        }
        stopper.backOff(broker.attempts());
      }
    }
  }

  private boolean recordFailure(Refusal refusal) throws InterruptedException {
    OutboxMessage m = refusal.message();
    try (EventMdc mdc = EventMdc.of(m)) {
      boolean parked = database.call(() -> rows.recordFailure(m, refusal.reason(), maxRetries));
      if (parked) {
        log.warn(
            "event {} ({}) parked after {} failed attempts: {}",
            m.id(),
            m.eventType(),
            maxRetries,
            refusal.reason());
      }
      return parked;
    }
  }

  private void record(List<OutboxMessage> confirmed, Instant confirmedAt) {
    if (confirmed.isEmpty()) {
      return;
    }
    for (OutboxMessage m : confirmed) {
      metrics.confirmed(m.commitTime(), confirmedAt);
    }
    metrics.published(confirmed.size(), confirmed.get(confirmed.size() - 1).lsn());
  }
}
