package dev.outbox.relay.capture;

import dev.outbox.relay.model.OutboxMessage;
import dev.outbox.relay.replay.WalReplayRun;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import java.util.List;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The engine's batch consumer: runs the delivery chain once per batch, each step once and in this
 * order, on the engine's thread: {@link OutboxRecordMapper} (change events to messages), {@link
 * BatchPublisher} (published in WAL order until confirmed or parked), {@link PublishedMarker} (the
 * published_at marks queued for its thread), {@link OffsetCommitter} (the offset committed when
 * due, after the marks). The next batch is taken when this one is confirmed, not when it is marked.
 * During a WAL replay the messages go through {@link WalReplayRun} between mapping and publishing,
 * and its progress is stored before the batch goes to the committer.
 *
 * <p>The engine's thread calls {@link #handleBatch}, the closing thread {@link #commitOnStop}; both
 * hold this object's lock, so a stop waits for the batch in progress (whose backoff pauses end at
 * once when the relay stops).
 */
final class PublishingConsumer
    implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

  private final OutboxRecordMapper mapper;
  private final BatchPublisher publisher;
  private final PublishedMarker marker;
  private final OffsetCommitter offsets;
  private final WalReplayRun replay;
  private final DatabaseRetry database;
  private final Stopper stopper;

  /**
   * @param replay the WAL replay this capture serves, or null
   * @param database retries the replay's bookkeeping
   */
  PublishingConsumer(
      OutboxRecordMapper mapper,
      BatchPublisher publisher,
      PublishedMarker marker,
      OffsetCommitter offsets,
      WalReplayRun replay,
      DatabaseRetry database,
      Stopper stopper) {
    this.mapper = mapper;
    this.publisher = publisher;
    this.marker = marker;
    this.offsets = offsets;
    this.replay = replay;
    this.database = database;
    this.stopper = stopper;
  }

  @Override
  public synchronized void handleBatch(
      List<RecordChangeEvent<SourceRecord>> records,
      DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
      throws InterruptedException {
    if (stopper.isStopped()) {
      // Neither published nor acknowledged: read again after the restart.
      throw new Stopper.Stopping("relay stopping");
    }
    boolean replaying = replay != null && replay.isRunning();
    List<OutboxMessage> messages = mapper.messagesOf(records);
    if (replaying) {
      List<OutboxMessage> mapped = messages;
      messages = database.call(() -> replay.select(mapped));
    }
    List<OutboxMessage> confirmed = publisher.publish(messages);
    marker.submit(confirmed);
    if (replaying) {
      recordReplayProgress(records, confirmed);
    }
    offsets.delivered(records, committer);
  }

  /** On a clean stop: see {@link OffsetCommitter#acknowledgeOnStop()}. */
  synchronized void commitOnStop() throws InterruptedException {
    offsets.acknowledgeOnStop();
  }

  // Stored before the batch is acknowledged, so no acknowledged batch is missing from the count; a
  // crash in between re-sends the batch, as any crash does (counted twice, or without the replayed
  // header when this was the end).
  private void recordReplayProgress(
      List<RecordChangeEvent<SourceRecord>> records, List<OutboxMessage> confirmed)
      throws InterruptedException {
    long republished = confirmed.stream().filter(OutboxMessage::replayed).count();
    boolean done = replay.passesThrough(records.stream().map(RecordChangeEvent::record).toList());
    database.run(() -> replay.record(republished, done));
  }

  @Override
  public boolean supportsTombstoneEvents() {
    return false;
  }
}
