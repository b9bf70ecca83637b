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
 */
final class PublishingConsumer
    implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

  private final OutboxRecordMapper mapper;
  private final BatchDelivery delivery;

  PublishingConsumer(OutboxRecordMapper mapper, BatchDelivery delivery) {
    this.mapper = mapper;
    this.delivery = delivery;
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
      delivery.deliver(messages);
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
