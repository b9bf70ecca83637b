package dev.outbox.relay.capture;

import io.debezium.engine.DebeziumEngine.RecordCommitter;
import io.debezium.engine.RecordChangeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The chain's last step: lets the engine commit its offset every {@code CDC_OFFSET_FLUSH_INTERVAL},
 * and once more on a clean stop, each time only after the marks of the events it covers are done.
 * It then acknowledges the records delivered since the last commit (markProcessed) and finishes the
 * batch (markBatchFinished, which commits under the engine's always-commit policy), so a stored
 * offset, and the slot position after it, only ever covers events confirmed by the broker (or
 * parked) and marked in their rows. Records that carried no message (heartbeats, other tables, a
 * replay's skipped events) are acknowledged with the others, so the offset and the slot advance.
 *
 * <p>The committed offset is that of the last record acknowledged, at a batch boundary. Debezium
 * 3.6.1 resumes after that record's LSN and skips any further events sharing it (debezium/dbz#1554,
 * fixed by debezium/debezium PR #7531 in 3.7.0.Alpha1), so the writers insert one outbox row per
 * statement (no multi-row or rewritten batch inserts).
 *
 * <p>Called under the {@link PublishingConsumer}'s lock: the engine's committer is not thread-safe.
 */
final class OffsetCommitter {

  private final PublishedMarker marker;
  private final long intervalNanos;
  private final List<RecordChangeEvent<SourceRecord>> unacknowledged = new ArrayList<>();
  private RecordCommitter<RecordChangeEvent<SourceRecord>> committer;
  private long lastCommit = System.nanoTime();

  OffsetCommitter(PublishedMarker marker, Duration interval) {
    this.marker = marker;
    this.intervalNanos = interval.toNanos();
  }

  /**
   * Takes {@code records}, a whole batch whose messages are confirmed or parked and whose marks are
   * submitted; commits everything delivered so far once the interval has passed since the last
   * commit.
   */
  void delivered(
      List<RecordChangeEvent<SourceRecord>> records,
      RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
      throws InterruptedException {
    this.committer = committer;
    unacknowledged.addAll(records);
    if (System.nanoTime() - lastCommit >= intervalNanos) {
      acknowledge();
      committer.markBatchFinished();
      lastCommit = System.nanoTime();
    }
  }

  /**
   * Takes {@code records} as {@link #delivered} does, without committing: called off the engine's
   * thread, whose next batch (or the stop) commits them.
   */
  void deliveredWithoutCommit(
      List<RecordChangeEvent<SourceRecord>> records,
      RecordCommitter<RecordChangeEvent<SourceRecord>> committer) {
    this.committer = committer;
    unacknowledged.addAll(records);
  }

  /**
   * On a clean stop, after the last batch: acknowledges what was delivered since the last commit,
   * once its rows are marked, so the engine's final commit (on close) covers it and a restart does
   * not send it again.
   */
  void acknowledgeOnStop() throws InterruptedException {
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
}
