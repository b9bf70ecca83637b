package dev.outbox.relay.capture;

import dev.outbox.relay.model.OutboxMessage;
import dev.outbox.relay.replay.WalReplayRun;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The engine's batch consumer. Each batch is published and confirmed (or parked) before the next
 * one is taken; its rows are marked published by {@link PublishedMarker} meanwhile. Every {@code
 * offsetCommitInterval}, and once more on a clean stop, the consumer waits for the marks,
 * acknowledges the records handled since (markProcessed) and lets the engine commit the offset
 * (markBatchFinished, with the engine's always-commit policy), so a stored offset, and the slot
 * position after it, only ever covers events confirmed by the broker and marked in their rows.
 * Heartbeats and anything else that is not an outbox insert are acknowledged without publishing, so
 * the offset and the slot still advance. During a WAL replay the events go through {@link
 * WalReplayRun} first.
 *
 * <p>The engine's thread calls {@link #handleBatch}, the closing thread {@link
 * #acknowledgeDelivered}; both hold this object's lock, as the committer is not thread-safe.
 */
final class PublishingConsumer
    implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

  private final OutboxRecordMapper mapper;
  private final BatchDelivery delivery;
  private final PublishedMarker marker;
  private final long commitIntervalNanos;
  private final WalReplayRun replay;
  private final Stopper stopper;
  private final List<RecordChangeEvent<SourceRecord>> unacknowledged = new ArrayList<>();
  private DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer;
  private long lastCommit = System.nanoTime();

  /**
   * @param replay the WAL replay this capture serves, or null
   */
  PublishingConsumer(
      OutboxRecordMapper mapper,
      BatchDelivery delivery,
      PublishedMarker marker,
      Duration offsetCommitInterval,
      WalReplayRun replay,
      Stopper stopper) {
    this.mapper = mapper;
    this.delivery = delivery;
    this.marker = marker;
    this.commitIntervalNanos = offsetCommitInterval.toNanos();
    this.replay = replay;
    this.stopper = stopper;
  }

  @Override
  public synchronized void handleBatch(
      List<RecordChangeEvent<SourceRecord>> records,
      DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
      throws InterruptedException {
    if (stopper.isStopped()) {
      // Neither published nor acknowledged: read again after the restart.
      throw new InterruptedException("relay stopping");
    }
    this.committer = committer;
    List<OutboxMessage> mapped = new ArrayList<>(records.size());
    for (RecordChangeEvent<SourceRecord> r : records) {
      mapper.map(r.record()).ifPresent(mapped::add);
    }
    boolean replaying = replay != null && replay.isRunning();
    List<OutboxMessage> messages =
        replaying ? delivery.retrying(() -> replay.select(mapped)) : mapped;
    List<OutboxMessage> confirmed = messages.isEmpty() ? List.of() : delivery.publish(messages);
    marker.submit(confirmed);
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
    unacknowledged.addAll(records);
    if (System.nanoTime() - lastCommit >= commitIntervalNanos) {
      acknowledge();
      committer.markBatchFinished();
      lastCommit = System.nanoTime();
    }
  }

  /**
   * On a clean stop, after the last batch: acknowledges what was delivered since the last commit,
   * once its rows are marked, so the engine's final commit covers it and a restart does not send it
   * again.
   */
  synchronized void acknowledgeDelivered() throws InterruptedException {
    if (committer != null) {
      acknowledge();
    }
  }

  private void acknowledge() throws InterruptedException {
    marker.awaitMarked();
    for (RecordChangeEvent<SourceRecord> r : unacknowledged) {
      committer.markProcessed(r);
    }
    unacknowledged.clear();
  }

  @Override
  public boolean supportsTombstoneEvents() {
    return false;
  }
}
