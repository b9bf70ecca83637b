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
 * confirmed by the broker or parked ({@link #publish}, or {@link #send} and later {@link #settle},
 * so that the next batch can go out while this one's answers are awaited). A lost broker is retried
 * with backoff, resuming after the confirmed prefix, so nothing is skipped or reordered; its outage
 * is logged once when it starts and once when it ends, by the {@link Outage} it shares with whoever
 * else watches the broker. An event the broker refuses (nack, returned as unroutable, too large)
 * counts a failed attempt on its row and is sent again after a pause, until it is parked after
 * {@code maxRetries} attempts. Throws {@link InterruptedException} when the relay stops first: then
 * nothing of the batch may be acknowledged.
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
    return settle(send(messages));
  }

  /**
   * Puts {@code messages} on the wire without waiting for the broker's answers; {@link #settle}
   * waits for them. Sends are settled in the order they were made.
   */
  InFlight send(List<OutboxMessage> messages) {
    return new InFlight(messages, messages.isEmpty() ? null : publisher.send(messages));
  }

  /** Waits until every message of {@code sent} is confirmed or parked; returns the confirmed. */
  List<OutboxMessage> settle(InFlight sent) throws InterruptedException {
    List<OutboxMessage> messages = sent.messages();
    if (messages.isEmpty()) {
      return messages;
    }
    Set<UUID> parked = publishUntilSettled(messages, sent.answers());
    List<OutboxMessage> confirmed = new ArrayList<>(messages.size());
    for (OutboxMessage m : messages) {
      if (!parked.contains(m.id())) {
        confirmed.add(m);
      }
    }
    record(confirmed, Instant.now());
    return confirmed;
  }

  /** Messages sent and the broker's answers to come. */
  record InFlight(List<OutboxMessage> messages, MessagePublisher.Sent answers) {}

  // Rounds of the refused rest; returns the ids that are parked.
  private Set<UUID> publishUntilSettled(List<OutboxMessage> messages, MessagePublisher.Sent sent)
      throws InterruptedException {
    Set<UUID> parked = new HashSet<>();
    List<OutboxMessage> pending = messages;
    MessagePublisher.Sent first = sent;
    for (int round = 1; !pending.isEmpty(); round++) {
      if (round > maxRetries + DeliveryRows.INVISIBLE_ROW_ATTEMPTS) {
        log.warn("events refused with no row to count the failure on (deleted?): {}", pending);
        pending.forEach(m -> parked.add(m.id()));
        break;
      }
      List<OutboxMessage> retry = new ArrayList<>();
      for (Refusal refusal : publishUntilAnswered(pending, first).refused()) {
        metrics.failed();
        if (recordFailure(refusal)) {
          parked.add(refusal.message().id());
        } else {
          retry.add(refusal.message());
        }
      }
      pending = retry;
      first = null;
      if (!pending.isEmpty()) {
        stopper.backOff(round);
      }
    }
    return parked;
  }

  // Waits for the answers to {@code sent} (when not null: {@code messages} went out already), then
  // sends what the broker did not answer for again.
  private PublishResult publishUntilAnswered(
      List<OutboxMessage> messages, MessagePublisher.Sent sent) throws InterruptedException {
    List<OutboxMessage> pending = messages;
    MessagePublisher.Sent answers = sent;
    while (true) {
      try {
        PublishResult result = answers != null ? answers.await() : publisher.publish(pending);
        broker.succeeded();
        return result;
      } catch (BrokerUnavailableException e) {
        // A loss an earlier batch in flight reported and retried already: its rest goes out now.
        boolean known = e.reportedBefore();
        if (!known && broker.failed(e)) {
          metrics.outage("rabbitmq");
        }
        answers = null;
        pending = pending.subList(e.confirmedPrefix(), pending.size());
        if (pending.isEmpty()) {
          return new PublishResult(List.of());
        }
        if (!known) {
          stopper.backOff(broker.attempts());
        }
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
