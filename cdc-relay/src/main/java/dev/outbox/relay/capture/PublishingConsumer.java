package dev.outbox.relay.capture;

import dev.outbox.relay.model.OutboxMessage;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The engine's batch consumer. Each batch is published and confirmed (or parked) before the next
 * one is taken; its rows are marked published by {@link PublishedMarker} meanwhile. Every {@code
 * offsetCommitInterval} the consumer waits for the marks, acknowledges the records handled since
 * (markProcessed) and lets the engine commit the offset (markBatchFinished, with the engine's
 * always-commit policy), so a stored offset, and the slot position after it, only ever covers
 * events confirmed by the broker and marked in their rows. Heartbeats and anything else that is not
 * an outbox insert are acknowledged without publishing, so the offset and the slot still advance.
 */
final class PublishingConsumer
    implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

  private final OutboxRecordMapper mapper;
  private final BatchDelivery delivery;
  private final PublishedMarker marker;
  private final long commitIntervalNanos;
  private final List<RecordChangeEvent<SourceRecord>> unacknowledged = new ArrayList<>();
  private long lastCommit = System.nanoTime();

  PublishingConsumer(
      OutboxRecordMapper mapper,
      BatchDelivery delivery,
      PublishedMarker marker,
      Duration offsetCommitInterval) {
    this.mapper = mapper;
    this.delivery = delivery;
    this.marker = marker;
    this.commitIntervalNanos = offsetCommitInterval.toNanos();
  }

  @Override
  public void handleBatch(
      List<RecordChangeEvent<SourceRecord>> records,
      DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
      throws InterruptedException {
    List<OutboxMessage> messages = new ArrayList<>(records.size());
    for (RecordChangeEvent<SourceRecord> r : records) {
      mapper.map(r.record()).ifPresent(messages::add);
    }
    if (!messages.isEmpty()) {
      marker.submit(delivery.publish(messages));
    }
    unacknowledged.addAll(records);
    if (System.nanoTime() - lastCommit >= commitIntervalNanos) {
      marker.awaitMarked();
      for (RecordChangeEvent<SourceRecord> r : unacknowledged) {
        committer.markProcessed(r);
      }
      unacknowledged.clear();
      committer.markBatchFinished();
      lastCommit = System.nanoTime();
    }
  }

  @Override
  public boolean supportsTombstoneEvents() {
    return false;
  }
}
