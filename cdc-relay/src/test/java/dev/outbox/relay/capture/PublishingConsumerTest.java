package dev.outbox.relay.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.outbox.relay.metrics.RelayMetrics;
import io.debezium.engine.RecordChangeEvent;
import io.github.resilience4j.core.IntervalFunction;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery chain (mapper, publisher, marker, offset committer) as the engine drives it, with a
 * fake broker, outbox rows in memory and a fake committer: no database, no broker.
 */
class PublishingConsumerTest {

  static final int MAX_RETRIES = 3;
  static final Duration EVERY_BATCH = Duration.ZERO;
  static final Duration NOT_DURING_THE_TEST = Duration.ofHours(1);

  final FakePublisher broker = new FakePublisher();
  final InMemoryOutboxRows rows = new InMemoryOutboxRows();
  final FakeCommitter committer = new FakeCommitter(rows::isSettled);
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final Stopper stopper = new Stopper(IntervalFunction.of(Duration.ofMillis(1)));
  PublishedMarker marker;
  long lsn = 0x16B3748L;

  @AfterEach
  void stop() {
    stopper.stop();
    if (marker != null) {
      marker.close();
    }
  }

  @Test
  void a_batch_is_published_in_wal_order_and_its_rows_marked_after_the_confirms() throws Exception {
    PublishingConsumer consumer = consumer(EVERY_BATCH);
    List<RecordChangeEvent<SourceRecord>> batch = inserts(3);
    batch.add(1, ChangeEvents.aHeartbeat());

    consumer.handleBatch(batch, committer);

    assertThat(broker.confirmedIds()).containsExactlyElementsOf(ids(batch));
    assertThat(rows.published()).containsExactlyInAnyOrderElementsOf(ids(batch));
    assertThat(rows.markThreads()).containsOnly("relay-marker-test");
    assertThat(committer.processed()).containsExactlyElementsOf(batch);
    assertThat(committer.commits()).isEqualTo(1);
    assertThat(committer.acknowledgedUnsettled()).isEmpty();
  }

  @Test
  void the_offset_is_not_committed_past_rows_whose_marks_are_not_done() throws Exception {
    PublishingConsumer consumer = consumer(EVERY_BATCH);
    List<RecordChangeEvent<SourceRecord>> batch = inserts(3);
    rows.holdMarks();

    CompletableFuture<Void> handling = handleAsync(consumer, batch);
    rows.awaitHeldMark();

    assertThat(broker.confirmedIds()).containsExactlyElementsOf(ids(batch));
    assertThat(handling).isNotDone();
    assertThat(committer.processed()).isEmpty();
    assertThat(committer.commits()).isZero();
    rows.releaseMarks();
    handling.get();
    assertThat(committer.processed()).containsExactlyElementsOf(batch);
    assertThat(committer.acknowledgedUnsettled()).isEmpty();
  }

  @Test
  void while_the_database_is_down_the_marks_wait_and_the_offset_with_them() throws Exception {
    PublishingConsumer consumer = consumer(EVERY_BATCH);
    List<RecordChangeEvent<SourceRecord>> batch = inserts(2);
    rows.databaseDown();

    CompletableFuture<Void> handling = handleAsync(consumer, batch);
    await().atMost(Duration.ofSeconds(5)).until(() -> rows.markThreads().size() >= 3);

    assertThat(handling).isNotDone();
    assertThat(committer.processed()).isEmpty();
    rows.databaseUp();
    handling.get();
    assertThat(rows.published()).containsExactlyInAnyOrderElementsOf(ids(batch));
    assertThat(committer.processed()).containsExactlyElementsOf(batch);
    assertThat(outages("postgresql")).isEqualTo(1);
  }

  @Test
  void the_offset_is_committed_only_once_the_flush_interval_has_passed() throws Exception {
    PublishingConsumer consumer = consumer(NOT_DURING_THE_TEST);

    consumer.handleBatch(inserts(2), committer);
    consumer.handleBatch(inserts(2), committer);
    marker.awaitMarked();

    assertThat(rows.published()).hasSize(4);
    assertThat(committer.processed()).isEmpty();
    assertThat(committer.commits()).isZero();
  }

  @Test
  void a_clean_stop_acknowledges_everything_delivered_since_the_last_commit_once_marked()
      throws Exception {
    PublishingConsumer consumer = consumer(NOT_DURING_THE_TEST);
    List<RecordChangeEvent<SourceRecord>> first = inserts(2);
    List<RecordChangeEvent<SourceRecord>> second = inserts(2);
    consumer.handleBatch(first, committer);
    rows.holdMarks();
    consumer.handleBatch(second, committer);

    stopper.stop();
    CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> commitOnStop(consumer));
    rows.awaitHeldMark();
    assertThat(stopping).isNotDone();
    rows.releaseMarks();
    stopping.get();

    List<RecordChangeEvent<SourceRecord>> both = new ArrayList<>(first);
    both.addAll(second);
    assertThat(committer.processed()).containsExactlyElementsOf(both);
    assertThat(committer.acknowledgedUnsettled()).isEmpty();
    // The engine's close commits what is acknowledged; the consumer finishes no batch itself.
    assertThat(committer.commits()).isZero();
  }

  @Test
  void a_refused_event_counts_its_attempts_and_is_parked_at_the_limit_while_the_rest_goes_on()
      throws Exception {
    PublishingConsumer consumer = consumer(EVERY_BATCH);
    List<RecordChangeEvent<SourceRecord>> batch = inserts(3);
    UUID poison = ids(batch).get(1);
    broker.refuse(poison, Integer.MAX_VALUE);

    consumer.handleBatch(batch, committer);

    assertThat(rows.row(poison))
        .isEqualTo(new InMemoryOutboxRows.Row(false, MAX_RETRIES, FakePublisher.NACK, true));
    assertThat(broker.confirmedIds()).containsExactly(ids(batch).get(0), ids(batch).get(2));
    assertThat(rows.published()).containsExactlyInAnyOrder(ids(batch).get(0), ids(batch).get(2));
    assertThat(committer.processed()).containsExactlyElementsOf(batch);
    assertThat(registry.get("relay.publish.failures").counter().count()).isEqualTo(MAX_RETRIES);
  }

  @Test
  void an_event_refused_once_is_published_on_its_next_attempt_with_the_failure_on_its_row()
      throws Exception {
    PublishingConsumer consumer = consumer(EVERY_BATCH);
    List<RecordChangeEvent<SourceRecord>> batch = inserts(2);
    UUID refusedOnce = ids(batch).get(0);
    broker.refuse(refusedOnce, 1);

    consumer.handleBatch(batch, committer);

    assertThat(broker.confirmedIds()).containsExactlyInAnyOrderElementsOf(ids(batch));
    assertThat(rows.row(refusedOnce))
        .isEqualTo(new InMemoryOutboxRows.Row(true, 1, FakePublisher.NACK, false));
  }

  @Test
  void a_refused_event_without_a_row_is_given_up_after_a_bounded_number_of_rounds()
      throws Exception {
    PublishingConsumer consumer = consumer(EVERY_BATCH);
    UUID deleted = UUID.randomUUID();
    List<RecordChangeEvent<SourceRecord>> batch = inserts(1);
    batch.add(ChangeEvents.anInsert(deleted, lsn++));
    broker.refuse(deleted, Integer.MAX_VALUE);

    consumer.handleBatch(batch, committer);

    assertThat(broker.calls()).isEqualTo(MAX_RETRIES + DeliveryRows.INVISIBLE_ROW_ATTEMPTS);
    assertThat(broker.confirmedIds()).containsExactly(ids(batch).get(0));
    assertThat(committer.processed()).containsExactlyElementsOf(batch);
  }

  @Test
  void while_the_broker_is_down_nothing_is_marked_and_the_batch_is_sent_once_it_is_back()
      throws Exception {
    PublishingConsumer consumer = consumer(EVERY_BATCH);
    List<RecordChangeEvent<SourceRecord>> batch = inserts(3);
    broker.brokerDown();

    CompletableFuture<Void> handling = handleAsync(consumer, batch);
    await().atMost(Duration.ofSeconds(5)).until(() -> broker.calls() >= 3);

    assertThat(rows.published()).isEmpty();
    assertThat(committer.processed()).isEmpty();
    assertThat(handling).isNotDone();
    broker.brokerUp();
    handling.get();
    assertThat(broker.confirmedIds()).containsExactlyElementsOf(ids(batch));
    assertThat(rows.published()).containsExactlyInAnyOrderElementsOf(ids(batch));
    assertThat(committer.processed()).containsExactlyElementsOf(batch);
    assertThat(outages("rabbitmq")).isEqualTo(1);
  }

  @Test
  void a_connection_lost_mid_batch_resumes_after_the_confirmed_prefix() throws Exception {
    PublishingConsumer consumer = consumer(EVERY_BATCH);
    List<RecordChangeEvent<SourceRecord>> batch = inserts(5);
    broker.loseConnectionAfter(2);

    consumer.handleBatch(batch, committer);

    assertThat(broker.confirmedIds()).containsExactlyElementsOf(ids(batch));
    assertThat(rows.published()).hasSize(5);
  }

  @Test
  void a_stop_during_a_broker_outage_ends_the_batch_without_acknowledging_it() throws Exception {
    PublishingConsumer consumer = consumer(EVERY_BATCH);
    broker.brokerDown();
    CompletableFuture<Void> handling = handleAsync(consumer, inserts(2));
    await().atMost(Duration.ofSeconds(5)).until(() -> broker.calls() >= 1);

    stopper.stop();

    assertThatThrownBy(handling::join)
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(InterruptedException.class);
    consumer.commitOnStop();
    assertThat(committer.processed()).isEmpty();
    assertThat(rows.published()).isEmpty();
  }

  @Test
  void a_batch_handed_over_after_the_stop_is_neither_published_nor_acknowledged() {
    PublishingConsumer consumer = consumer(EVERY_BATCH);
    stopper.stop();

    assertThatThrownBy(() -> consumer.handleBatch(inserts(1), committer))
        .isInstanceOf(InterruptedException.class);
    assertThat(broker.calls()).isZero();
    assertThat(committer.processed()).isEmpty();
  }

  @Test
  void a_full_batch_is_settled_after_the_next_batch_went_out_and_before_it_is_settled()
      throws Exception {
    PublishingConsumer consumer = consumer(EVERY_BATCH, 3, NOT_DURING_THE_TEST);
    List<RecordChangeEvent<SourceRecord>> first = inserts(3);
    List<RecordChangeEvent<SourceRecord>> second = inserts(3);
    List<RecordChangeEvent<SourceRecord>> last = inserts(1);

    consumer.handleBatch(first, committer);
    assertThat(broker.steps()).containsExactly("sent 3");
    assertThat(committer.processed()).isEmpty();

    consumer.handleBatch(second, committer);
    assertThat(broker.steps()).containsExactly("sent 3", "sent 3", "awaited 3");
    assertThat(committer.processed()).containsExactlyElementsOf(first);

    consumer.handleBatch(last, committer);
    assertThat(broker.steps())
        .containsExactly("sent 3", "sent 3", "awaited 3", "sent 1", "awaited 3", "awaited 1");
    List<RecordChangeEvent<SourceRecord>> all = concat(first, second, last);
    assertThat(broker.confirmedIds()).containsExactlyElementsOf(ids(all));
    assertThat(rows.published()).containsExactlyInAnyOrderElementsOf(ids(all));
    assertThat(committer.processed()).containsExactlyElementsOf(all);
    assertThat(committer.acknowledgedUnsettled()).isEmpty();
  }

  @Test
  void a_full_batch_no_batch_follows_is_settled_on_its_own_and_acknowledged_on_the_stop()
      throws Exception {
    PublishingConsumer consumer = consumer(EVERY_BATCH, 3, Duration.ofMillis(1));
    List<RecordChangeEvent<SourceRecord>> batch = inserts(3);

    consumer.handleBatch(batch, committer);
    await().atMost(Duration.ofSeconds(5)).until(() -> rows.published().size() == 3);

    // Only the engine's thread commits: these wait for the next batch or the stop.
    assertThat(broker.steps()).containsExactly("sent 3", "awaited 3");
    assertThat(committer.processed()).isEmpty();
    consumer.commitOnStop();
    assertThat(committer.processed()).containsExactlyElementsOf(batch);
    assertThat(committer.acknowledgedUnsettled()).isEmpty();
    assertThat(committer.commits()).isZero();
  }

  @Test
  void a_connection_lost_with_two_batches_in_flight_resends_each_rest_in_wal_order()
      throws Exception {
    PublishingConsumer consumer = consumer(EVERY_BATCH, 3, NOT_DURING_THE_TEST);
    List<RecordChangeEvent<SourceRecord>> first = inserts(3);
    List<RecordChangeEvent<SourceRecord>> second = inserts(3);
    List<RecordChangeEvent<SourceRecord>> last = inserts(1);
    broker.loseConnectionAfter(1);

    consumer.handleBatch(first, committer);
    consumer.handleBatch(second, committer);
    consumer.handleBatch(last, committer);

    List<RecordChangeEvent<SourceRecord>> all = concat(first, second, last);
    assertThat(broker.confirmedIds()).containsExactlyElementsOf(ids(all));
    assertThat(rows.published()).containsExactlyInAnyOrderElementsOf(ids(all));
    assertThat(committer.processed()).containsExactlyElementsOf(all);
    assertThat(outages("rabbitmq")).isEqualTo(1);
  }

  @Test
  void a_row_not_visible_yet_is_marked_on_a_later_attempt() throws Exception {
    PublishingConsumer consumer = consumer(EVERY_BATCH);
    List<RecordChangeEvent<SourceRecord>> batch = inserts(2);
    UUID late = ids(batch).get(1);
    rows.hideFromMarks(late, 2);

    consumer.handleBatch(batch, committer);

    assertThat(rows.published()).containsExactlyInAnyOrderElementsOf(ids(batch));
    assertThat(rows.markThreads()).hasSize(3);
    assertThat(committer.acknowledgedUnsettled()).isEmpty();
  }

  private PublishingConsumer consumer(Duration commitInterval) {
    return consumer(commitInterval, 1_000, NOT_DURING_THE_TEST);
  }

  private PublishingConsumer consumer(Duration commitInterval, int fullBatch, Duration linger) {
    RelayMetrics metrics = new RelayMetrics(registry, "test");
    DatabaseRetry database = new DatabaseRetry(metrics, stopper);
    marker = new PublishedMarker(rows, database, stopper, "relay-marker-test");
    return new PublishingConsumer(
        new OutboxRecordMapper("outbox_events"),
        new BatchPublisher(
            broker,
            new dev.outbox.config.Outage("RabbitMQ"),
            rows,
            database,
            metrics,
            MAX_RETRIES,
            stopper),
        marker,
        new OffsetCommitter(marker, commitInterval),
        null,
        database,
        stopper,
        fullBatch,
        linger,
        "relay-settle-test");
  }

  /** {@code n} outbox inserts in WAL order, their rows in the outbox. */
  private List<RecordChangeEvent<SourceRecord>> inserts(int n) {
    List<RecordChangeEvent<SourceRecord>> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      UUID id = UUID.randomUUID();
      rows.insert(id);
      batch.add(ChangeEvents.anInsert(id, lsn++));
    }
    return batch;
  }

  @SafeVarargs
  private static List<RecordChangeEvent<SourceRecord>> concat(
      List<RecordChangeEvent<SourceRecord>>... batches) {
    List<RecordChangeEvent<SourceRecord>> all = new ArrayList<>();
    for (List<RecordChangeEvent<SourceRecord>> b : batches) {
      all.addAll(b);
    }
    return all;
  }

  private static List<UUID> ids(List<RecordChangeEvent<SourceRecord>> batch) {
    return batch.stream().flatMap(e -> ChangeEvents.outboxId(e).stream()).toList();
  }

  private CompletableFuture<Void> handleAsync(
      PublishingConsumer consumer, List<RecordChangeEvent<SourceRecord>> batch) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            consumer.handleBatch(batch, committer);
          } catch (InterruptedException e) {
            throw new CompletionException(e);
          }
        });
  }

  private static void commitOnStop(PublishingConsumer consumer) {
    try {
      consumer.commitOnStop();
    } catch (InterruptedException e) {
      throw new CompletionException(e);
    }
  }

  private double outages(String dependency) {
    return registry.get("relay.outages").tag("dependency", dependency).counter().count();
  }
}
