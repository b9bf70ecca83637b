package dev.outbox.relay.capture;

import io.debezium.engine.DebeziumEngine.RecordCommitter;
import io.debezium.engine.RecordChangeEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The chain's last step: lets the engine commit its offset every {@code CDC_OFFSET_FLUSH_INTERVAL},
 * and once more on a clean stop, each time only over events whose marks are done. It then
 * acknowledges those records (markProcessed) and finishes the batch (markBatchFinished, which
 * commits under the engine's always-commit policy), so a stored offset, and the slot position after
 * it, only ever covers events confirmed by the broker (or parked) and marked in their rows. Records
 * that carried no message (heartbeats, other tables, a replay's skipped events) are acknowledged
 * with the others, so the offset and the slot advance.
 *
 * <p>A due commit waits for the marks only when the marker has nothing older than this batch to do,
 * which is a single short UPDATE on a quiet relay. When the marker is behind (a backlog drains),
 * the commit covers the batches already marked and leaves the rest to the next one: a wait for the
 * running UPDATE of thousands of rows stalled the engine's thread, and with it the broker, for 1 s
 * in every 14 of a 200,000-event drain (issue 17's profile).
 *
 * <p>The committed offset is that of the last record acknowledged, at a batch boundary. Debezium
 * 3.6.1 resumes after that record's LSN and skips any further events sharing it (debezium/dbz#1554,
 * fixed by debezium/debezium PR #7531 in 3.7.0.Alpha1), so the writers insert one outbox row per
 * statement (no multi-row or rewritten batch inserts).
 *
 * <p>Called under the {@link PublishingConsumer}'s lock: the engine's committer is not thread-safe.
 */
final class OffsetCommitter {

  /** A delivered batch and the number of its marks' submission ({@link PublishedMarker#submit}). */
  private record Delivered(List<RecordChangeEvent<SourceRecord>> records, long marks) {}

  private final PublishedMarker marker;
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final ArrayDeque<Delivered> unacknowledged = new ArrayDeque<>();
  private RecordCommitter<RecordChangeEvent<SourceRecord>> committer;
  private long lastCommit;

  OffsetCommitter(PublishedMarker marker, Duration interval) {
    this(marker, interval, System::nanoTime);
  }

  OffsetCommitter(PublishedMarker marker, Duration interval, LongSupplier nanoTime) {
    this.marker = marker;
    this.intervalNanos = interval.toNanos();
    this.nanoTime = nanoTime;
    this.lastCommit = nanoTime.getAsLong();
  }

  /**
   * Takes {@code records}, a whole batch whose messages are confirmed or parked and whose marks are
   * submitted as number {@code marks}; once the interval has passed since the last commit, commits
   * everything delivered and marked so far.
   */
  void delivered(
      List<RecordChangeEvent<SourceRecord>> records,
      long marks,
      RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
      throws InterruptedException {
    this.committer = committer;
    unacknowledged.add(new Delivered(records, marks));
    if (nanoTime.getAsLong() - lastCommit < intervalNanos) {
      return;
    }
    long marked = marker.markedThrough();
    if (marked >= marks - 1) {
      // Nothing older than this batch is being marked: its own mark is short.
      marker.awaitMarked();
      marked = marks;
    }
    if (acknowledgeThrough(marked)) {
      committer.markBatchFinished();
      lastCommit = nanoTime.getAsLong();
    }
  }

  /**
   * On a clean stop, after the last batch: acknowledges what was delivered since the last commit,
   * once its rows are marked, so the engine's final commit (on close) covers it and a restart does
   * not send it again.
   */
  void acknowledgeOnStop() throws InterruptedException {
    if (committer != null) {
      marker.awaitMarked();
      acknowledgeThrough(Long.MAX_VALUE);
    }
  }

  // Acknowledges the leading batches whose marks are done; true if there were any.
  private boolean acknowledgeThrough(long marked) throws InterruptedException {
    boolean any = false;
    while (!unacknowledged.isEmpty() && unacknowledged.peek().marks() <= marked) {
      for (RecordChangeEvent<SourceRecord> r : unacknowledged.poll().records()) {
        committer.markProcessed(r);
      }
      any = true;
    }
    return any;
  }
}
