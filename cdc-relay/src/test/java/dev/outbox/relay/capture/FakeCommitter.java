package dev.outbox.relay.capture;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The engine's committer: records what is acknowledged (markProcessed) and how often a batch is
 * finished (markBatchFinished, which commits under the always-commit policy), and notes every
 * outbox event acknowledged while its row was not yet settled (marked published or parked).
 */
final class FakeCommitter
    implements DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> {

  private final Predicate<UUID> settled;
  private final List<RecordChangeEvent<SourceRecord>> processed = new CopyOnWriteArrayList<>();
  private final List<UUID> acknowledgedUnsettled = new CopyOnWriteArrayList<>();
  private final AtomicInteger commits = new AtomicInteger();

  FakeCommitter(Predicate<UUID> settled) {
    this.settled = settled;
  }

  /** The records acknowledged so far, in order: what the engine's next commit covers. */
  List<RecordChangeEvent<SourceRecord>> processed() {
    return processed;
  }

  /** Outbox events acknowledged before their rows were settled: must stay empty. */
  List<UUID> acknowledgedUnsettled() {
    return acknowledgedUnsettled;
  }

  int commits() {
    return commits.get();
  }

  @Override
  public void markProcessed(RecordChangeEvent<SourceRecord> record) {
    ChangeEvents.outboxId(record)
        .filter(id -> !settled.test(id))
        .ifPresent(acknowledgedUnsettled::add);
    processed.add(record);
  }

  @Override
  public void markBatchFinished() {
    commits.incrementAndGet();
  }

  @Override
  public void markProcessed(
      RecordChangeEvent<SourceRecord> record, DebeziumEngine.Offsets sourceOffsets) {
    throw new UnsupportedOperationException("the relay acknowledges records without offsets");
  }

  @Override
  public DebeziumEngine.Offsets buildOffsets() {
    throw new UnsupportedOperationException("the relay acknowledges records without offsets");
  }
}
