package dev.outbox.relay.capture;

import dev.outbox.relay.model.OutboxMessage;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The engine's batch consumer. A batch is acknowledged to Debezium (markProcessed, then
 * markBatchFinished, which commits the offset) only after every outbox insert in it was confirmed
 * by the broker or parked, and the rows were marked. Heartbeats and anything else that is not an
 * outbox insert is acknowledged without publishing, so the offset and the slot still advance.
 * During a WAL replay the events go through {@link WalReplayRun} first.
 */
final class PublishingConsumer
    implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

  private final OutboxRecordMapper mapper;
  private final BatchDelivery delivery;
  private final WalReplayRun replay;

  /**
   * @param replay the WAL replay this capture serves, or null
   */
  PublishingConsumer(OutboxRecordMapper mapper, BatchDelivery delivery, WalReplayRun replay) {
    this.mapper = mapper;
    this.delivery = delivery;
    this.replay = replay;
  }

  @Override
  public void handleBatch(
      List<RecordChangeEvent<SourceRecord>> records,
      DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
      throws InterruptedException {
    List<OutboxMessage> mapped = new ArrayList<>(records.size());
    for (RecordChangeEvent<SourceRecord> r : records) {
      mapper.map(r.record()).ifPresent(mapped::add);
    }
    boolean replaying = replay != null && replay.isRunning();
    List<OutboxMessage> messages =
        replaying ? delivery.retrying(() -> replay.select(mapped)) : mapped;
    List<OutboxMessage> confirmed = messages.isEmpty() ? List.of() : delivery.deliver(messages);
    if (replaying) {
      // Stored before the batch is acknowledged, so no acknowledged batch is missing from the
      // count; a crash in between re-sends the batch, as any crash does (counted twice, or without
      // the replayed header when this was the end).
      long republished = confirmed.stream().filter(OutboxMessage::replayed).count();
      boolean done = replay.passesThrough(records.stream().map(RecordChangeEvent::record).toList());
      delivery.retrying(
          () -> {
            replay.record(republished, done);
            return null;
          });
    }
    for (RecordChangeEvent<SourceRecord> r : records) {
      committer.markProcessed(r);
    }
    committer.markBatchFinished();
  }

  @Override
  public boolean supportsTombstoneEvents() {
    return false;
  }
}
