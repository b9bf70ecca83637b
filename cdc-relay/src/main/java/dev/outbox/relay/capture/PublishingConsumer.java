package dev.outbox.relay.capture;

import dev.outbox.relay.model.OutboxMessage;
import dev.outbox.relay.replay.WalReplayRun;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's batch consumer: runs the delivery chain once per batch, each step once and in this
 * order, on the engine's thread: {@link OutboxRecordMapper} (change events to messages), {@link
 * BatchPublisher} (published in WAL order until confirmed or parked), {@link PublishedMarker} (the
 * published_at marks queued for its thread), {@link OffsetCommitter} (the offset committed when
 * due, after the marks). The next batch is taken when this one is confirmed, not when it is marked.
 *
 * <p>A full batch ({@code CDC_MAX_BATCH_SIZE} records: more were queued behind it, a backlog) is
 * left in flight: the next batch is sent before its confirms are awaited, so the broker confirms
 * one batch while the next goes out (issue 17: in a backlog drain the engine's thread spent a sixth
 * of its time waiting for confirms). Batches are still settled one at a time and in order, each
 * before its records reach the committer, so the stored offset stays behind the confirmed and
 * marked prefix; a broker lost meanwhile fails both sends, and each resumes after its own confirmed
 * prefix, the earlier first. A full batch that no batch follows within {@link #LINGER} is settled
 * by the consumer's own thread (the end of a backlog); its records are then committed with the next
 * batch or on the stop, as any batch's are between two commits. Not during a WAL replay, whose
 * bookkeeping is per batch. During a WAL replay the messages go through {@link WalReplayRun}
 * between mapping and publishing, and its progress is stored before the batch goes to the
 * committer.
 *
 * <p>The engine's thread calls {@link #handleBatch}, the closing thread {@link #commitOnStop}, the
 * consumer's thread the settling of a lingering batch; all hold this object's lock, so a stop waits
 * for the batch in progress (whose backoff pauses end at once when the relay stops).
 */
final class PublishingConsumer
    implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

  /** How long a full batch waits in flight for the next one before it is settled on its own. */
  static final Duration LINGER = Duration.ofMillis(20);

  private static final Logger log = LoggerFactory.getLogger(PublishingConsumer.class);

  private final OutboxRecordMapper mapper;
  private final BatchPublisher publisher;
  private final PublishedMarker marker;
  private final OffsetCommitter offsets;
  private final WalReplayRun replay;
  private final DatabaseRetry database;
  private final Stopper stopper;
  private final int fullBatch;
  private final Duration linger;
  private final ScheduledThreadPoolExecutor lingering;
  // Guarded by this: the batch sent and not settled, its lingering settle, and how that failed.
  private Delivery inFlight;
  private ScheduledFuture<?> lingerSettle;
  private Exception lingerFailure;

  /** A batch's records and its sent messages, whose answers are still to be awaited. */
  private record Delivery(
      List<RecordChangeEvent<SourceRecord>> records,
      BatchPublisher.InFlight sent,
      DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer,
      boolean replaying) {}

  /**
   * @param replay the WAL replay this capture serves, or null
   * @param database retries the replay's bookkeeping
   * @param fullBatch CDC_MAX_BATCH_SIZE: a batch this large is left in flight
   * @param linger how long it waits for the next batch ({@link #LINGER})
   * @param threadName the thread that settles a full batch no other follows
   */
  PublishingConsumer(
      OutboxRecordMapper mapper,
      BatchPublisher publisher,
      PublishedMarker marker,
      OffsetCommitter offsets,
      WalReplayRun replay,
      DatabaseRetry database,
      Stopper stopper,
      int fullBatch,
      Duration linger,
      String threadName) {
    this.mapper = mapper;
    this.publisher = publisher;
    this.marker = marker;
    this.offsets = offsets;
    this.replay = replay;
    this.database = database;
    this.stopper = stopper;
    this.fullBatch = fullBatch;
    this.linger = linger;
    this.lingering =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
    lingering.setRemoveOnCancelPolicy(true);
    // Started by the first full batch, gone when no backlog needs it.
    lingering.setKeepAliveTime(1, TimeUnit.SECONDS);
    lingering.allowCoreThreadTimeOut(true);
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
    raiseLingerFailure();
    boolean replaying = replay != null && replay.isRunning();
    List<OutboxMessage> messages = mapper.messagesOf(records);
    if (replaying) {
      List<OutboxMessage> mapped = messages;
      messages = database.call(() -> replay.select(mapped));
    }
    Delivery next = new Delivery(records, publisher.send(messages), committer, replaying);
    Delivery previous = takeInFlight();
    if (previous != null) {
      settle(previous, true);
    }
    if (records.size() >= fullBatch && !replaying) {
      inFlight = next;
      lingerSettle =
          lingering.schedule(() -> settleLingering(next), linger.toNanos(), TimeUnit.NANOSECONDS);
    } else {
      settle(next, true);
    }
  }

  /**
   * On a clean stop: settles the batch in flight, then see {@link
   * OffsetCommitter#acknowledgeOnStop()}.
   */
  synchronized void commitOnStop() throws InterruptedException {
    try {
      raiseLingerFailure();
      Delivery last = takeInFlight();
      if (last != null) {
        settle(last, false);
      }
      offsets.acknowledgeOnStop();
    } finally {
      lingering.shutdownNow();
    }
  }

  private synchronized void settleLingering(Delivery delivery) {
    if (inFlight != delivery) {
      return; // settled by the next batch or the stop
    }
    inFlight = null;
    try {
      settle(delivery, false);
    } catch (InterruptedException | RuntimeException e) {
      // Raised to the engine with the next batch; the batch is not acknowledged.
      log.warn("settling the last batch in flight failed: {}", e.toString());
      lingerFailure = e;
    }
  }

  private Delivery takeInFlight() {
    Delivery d = inFlight;
    inFlight = null;
    if (lingerSettle != null) {
      lingerSettle.cancel(false);
      lingerSettle = null;
    }
    return d;
  }

  private void raiseLingerFailure() throws InterruptedException {
    Exception e = lingerFailure;
    if (e instanceof InterruptedException interrupted) {
      throw interrupted;
    }
    if (e != null) {
      throw (RuntimeException) e;
    }
  }

  // Awaits the batch's confirms, queues its marks, and hands its records to the committer, which
  // may commit only on the engine's thread.
  private void settle(Delivery d, boolean onEngineThread) throws InterruptedException {
    List<OutboxMessage> confirmed = publisher.settle(d.sent());
    marker.submit(confirmed);
    if (d.replaying()) {
      recordReplayProgress(d.records(), confirmed);
    }
    if (onEngineThread) {
      offsets.delivered(d.records(), d.committer());
    } else {
      offsets.deliveredWithoutCommit(d.records(), d.committer());
    }
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
