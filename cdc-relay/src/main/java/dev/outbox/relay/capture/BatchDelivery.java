package dev.outbox.relay.capture;

import dev.outbox.relay.metrics.RelayMetrics;
import dev.outbox.relay.model.OutboxMessage;
import dev.outbox.relay.publish.BrokerUnavailableException;
import dev.outbox.relay.publish.MessagePublisher;
import dev.outbox.relay.publish.PublishResult;
import dev.outbox.relay.publish.PublishResult.Refusal;
import dev.outbox.relay.store.OutboxRows;
import io.github.resilience4j.core.IntervalFunction;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one batch completely before returning: publishes in WAL order, waits for the confirms,
 * retries a lost broker with exponential backoff and jitter (resuming after the confirmed prefix,
 * so nothing is skipped or reordered), counts and parks events the broker refuses one by one, and
 * marks the confirmed rows published in one UPDATE (at once, or later through {@link
 * PublishedMarker}). Returns only when every message is confirmed or parked; throws {@link
 * InterruptedException} when the relay stops first.
 */
final class BatchDelivery {

  private static final Logger log = LoggerFactory.getLogger(BatchDelivery.class);
  private static final IntervalFunction BACKOFF =
      IntervalFunction.ofExponentialRandomBackoff(
          Duration.ofMillis(100), 2.0, 0.5, Duration.ofSeconds(5));

  private static final int INVISIBLE_ROW_ATTEMPTS = 20;

  private final MessagePublisher publisher;
  private final OutboxRows rows;
  private final RelayMetrics metrics;
  private final int maxRetries;
  private final Stopper stopper;
  private final Outage broker = new Outage("RabbitMQ");
  private final Outage database = new Outage("PostgreSQL (outbox_events updates)");

  BatchDelivery(
      MessagePublisher publisher,
      OutboxRows rows,
      RelayMetrics metrics,
      int maxRetries,
      Stopper stopper) {
    this.publisher = publisher;
    this.rows = rows;
    this.metrics = metrics;
    this.maxRetries = maxRetries;
    this.stopper = stopper;
  }

  /**
   * Delivers {@code messages} and marks them published; returns the ones confirmed (all but the
   * parked ones).
   */
  List<OutboxMessage> deliver(List<OutboxMessage> messages) throws InterruptedException {
    List<OutboxMessage> confirmed = publish(messages);
    markPublished(confirmed);
    return confirmed;
  }

  /**
   * Publishes {@code messages} until each is confirmed or parked, without marking them; returns the
   * confirmed ones, for {@link #markPublished} (the capture marks them on another thread).
   */
  List<OutboxMessage> publish(List<OutboxMessage> messages) throws InterruptedException {
    Set<UUID> parked = new HashSet<>();
    List<OutboxMessage> pending = messages;
    for (int round = 1; !pending.isEmpty(); round++) {
      if (round > maxRetries + INVISIBLE_ROW_ATTEMPTS) {
        log.warn("events refused with no row to count the failure on (deleted?): {}", pending);
        pending.forEach(m -> parked.add(m.id()));
        break;
      }
      PublishResult result = publishUntilAnswered(pending);
      List<OutboxMessage> retry = new ArrayList<>();
      for (Refusal refusal : result.refused()) {
        metrics.failed();
        if (recordFailure(refusal)) {
          parked.add(refusal.message().id());
        } else {
          retry.add(refusal.message());
        }
      }
      pending = retry;
      if (!pending.isEmpty()) {
        stopper.pause(Duration.ofMillis(BACKOFF.apply(round)));
      }
    }
    List<OutboxMessage> confirmed = new ArrayList<>(messages.size());
    for (OutboxMessage m : messages) {
      if (!parked.contains(m.id())) {
        confirmed.add(m);
      }
    }
    record(confirmed, Instant.now());
    return confirmed;
  }

  // PostgreSQL writes and flushes the commit record (which lets the walsender decode and send the
  // transaction) before it makes the transaction visible to other sessions; under CPU pressure the
  // UPDATE can run in between and miss the row. Missing rows are retried briefly; a row still
  // missing after that was deleted meanwhile.
  void markPublished(List<OutboxMessage> confirmed) throws InterruptedException {
    List<OutboxMessage> unmarked = confirmed;
    for (int attempt = 1; !unmarked.isEmpty(); attempt++) {
      List<OutboxMessage> batch = unmarked;
      Set<UUID> marked = new HashSet<>();
      untilDone(() -> marked.addAll(rows.markPublished(batch)));
      unmarked = batch.stream().filter(m -> !marked.contains(m.id())).toList();
      if (!unmarked.isEmpty() && attempt == INVISIBLE_ROW_ATTEMPTS) {
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
        stopper.pause(Duration.ofMillis(BACKOFF.apply(broker.attempts())));
      }
    }
  }

  private boolean recordFailure(Refusal refusal) throws InterruptedException {
    boolean[] parked = new boolean[1];
    untilDone(
        () -> parked[0] = rows.recordFailure(refusal.message(), refusal.reason(), maxRetries));
    if (parked[0]) {
      log.warn(
          "event {} ({}) parked after {} failed attempts: {}",
          refusal.message().id(),
          refusal.message().eventType(),
          maxRetries,
          refusal.reason());
    }
    return parked[0];
  }

  private void untilDone(SqlAction action) throws InterruptedException {
    retrying(
        () -> {
          action.run();
          return null;
        });
  }

  /**
   * Runs {@code call} until the database answers, with the backoff and outage logging of the marks
   * (also for a replay's bookkeeping); throws {@link InterruptedException} when the relay stops.
   */
  <T> T retrying(SqlCall<T> call) throws InterruptedException {
    while (true) {
      try {
        T result = call.run();
        database.succeeded();
        return result;
      } catch (SQLException e) {
        if (database.failed(e)) {
          metrics.outage("postgresql");
        }
        stopper.pause(Duration.ofMillis(BACKOFF.apply(database.attempts())));
      }
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

  @FunctionalInterface
  private interface SqlAction {
    void run() throws SQLException;
  }

  @FunctionalInterface
  interface SqlCall<T> {
    T run() throws SQLException;
  }
}
