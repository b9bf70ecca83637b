package dev.outbox.relay.capture;

import dev.outbox.config.Outage;
import dev.outbox.relay.config.DatabaseAddress;
import dev.outbox.relay.config.DebeziumProperties;
import dev.outbox.relay.config.RelayConfig;
import dev.outbox.relay.metrics.RelayMetrics;
import dev.outbox.relay.model.Lsns;
import dev.outbox.relay.publish.MessagePublisher;
import dev.outbox.relay.replay.ReplayRequest;
import dev.outbox.relay.replay.WalReplayRun;
import dev.outbox.relay.store.ReplicationSlots;
import dev.outbox.relay.store.StoredOffsets;
import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.debezium.engine.spi.OffsetCommitPolicy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the embedded Debezium engine on the relay's slot, publishing outbox inserts to
 * RabbitMQ. {@link #finished()} completes when the engine stops: normally after {@link #close()},
 * exceptionally when it failed on its own (the caller decides whether to start a new one).
 */
public final class OutboxCapture implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OutboxCapture.class);

  private final RelayConfig config;
  private final DataSource dataSource;
  private final Stopper stopper = new Stopper();
  private final MessagePublisher publisher;
  private final PublishedMarker marker;
  private final PublishingConsumer consumer;
  private final WalReplayRun replay;
  private final EngineThread engine;
  private final CountDownLatch streaming = new CountDownLatch(1);
  private final CompletableFuture<Void> finished = new CompletableFuture<>();

  // The chain, top to bottom: mapper -> publisher -> marker -> offset committer (PublishingConsumer
  // runs it per batch); the database retry and the stopper are shared by its steps.
  private OutboxCapture(
      RelayConfig config,
      DataSource dataSource,
      RelayMetrics metrics,
      ReplayRequest replay,
      MessagePublisher publisher,
      DatabaseAddress primary,
      Outage broker) {
    this.config = config;
    this.dataSource = dataSource;
    this.publisher = publisher;
    this.replay = replay == null ? null : new WalReplayRun(replay, dataSource);
    DeliveryRows rows = new JdbcDeliveryRows(dataSource);
    DatabaseRetry database = new DatabaseRetry(metrics, stopper);
    this.marker = new PublishedMarker(rows, database, stopper, "relay-marker-" + config.slotName());
    this.consumer =
        new PublishingConsumer(
            new OutboxRecordMapper("outbox_events"),
            new BatchPublisher(
                publisher, broker, rows, database, metrics, config.maxRetries(), stopper),
            marker,
            new OffsetCommitter(marker, config.offsetFlushInterval()),
            this.replay,
            database,
            stopper,
            config.maxBatchSize(),
            PublishingConsumer.LINGER,
            "relay-settle-" + config.slotName());
    DebeziumEngine<RecordChangeEvent<SourceRecord>> debezium =
        DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
            .using(DebeziumProperties.of(config, primary))
            .using(
                new DebeziumEngine.ConnectorCallback() {
                  @Override
                  public void taskStarted() {
                    announce();
                  }
                })
            .using(this::completed)
            // The consumer decides when an offset may be committed (see OffsetCommitter).
            .using(OffsetCommitPolicy.always())
            .notifying(consumer)
            .build();
    this.engine = new EngineThread(debezium, "relay-engine-" + config.slotName());
  }

  /**
   * Starts the engine on its own thread, publishing to RabbitMQ and serving the started WAL replay
   * {@code replay} (null for none: the stored offset must have been rewound for it), reporting
   * RabbitMQ's outages to {@code broker} (the relay's one, shared with its broker watch); returns
   * at once after a check of the slot: a first-start snapshot that did not finish is started over
   * on a new slot first, and a slot lost since the stored position is recovered as CDC_SLOT_LOSS
   * says ({@link FirstSnapshotRestart}, {@link SlotLossRecovery}; the caller holds the slot's
   * lock). A recovered slot ends the WAL replay {@code replay}: its WAL is gone.
   *
   * @throws SlotLossStop when the slot is lost and CDC_SLOT_LOSS is stop (no engine started)
   * @throws IllegalStateException when the slot or the stored offset could not be checked or reset
   *     (the caller tries again later)
   */
  public static OutboxCapture start(
      RelayConfig config,
      DataSource dataSource,
      RelayMetrics m,
      ReplayRequest replay,
      Outage broker) {
    try {
      SlotLossRecovery losses = new SlotLossRecovery(dataSource, config.slotLoss(), m);
      if (FirstSnapshotRestart.prepare(dataSource, config.slotName(), losses)
          == FirstSnapshotRestart.Step.SLOT_LOST) {
        replay = null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "checking slot " + config.slotName() + " before the engine starts failed", e);
    }
    DatabaseAddress primary = PrimaryHost.find(config.database());
    StaleEngineMBeans.remove(config.slotName());
    OutboxCapture capture =
        new OutboxCapture(
            config, dataSource, m, replay, Publishers.rabbitMq(config), primary, broker);
    capture.engine.start();
    return capture;
  }

  /** Whether this capture still serves a WAL replay (it ends by itself; live events go on). */
  public boolean isReplaying() {
    return replay != null && replay.isRunning();
  }

  /**
   * Whether the slot is gone under this engine: invalidated by the server ({@code wal_status =
   * lost}, its walsender terminated), or missing once the engine had started on it (the pool
   * follows a multi-host DATABASE_URL to a promoted standby, which has no slot). Debezium 3.6.1
   * treats every SQLException as retriable and, with {@code errors.max.retries=-1}, restarts its
   * task on a dead slot or host forever, so the caller stops this capture and starts a new one,
   * whose start finds the primary ({@link PrimaryHost}) and recovers ({@link SlotLossRecovery}).
   * False when the database cannot be read.
   */
  public boolean slotGone() {
    try (Connection c = dataSource.getConnection()) {
      return ReplicationSlots.isLost(c, config.slotName())
          || (streaming.getCount() == 0 && !ReplicationSlots.exists(c, config.slotName()));
    } catch (SQLException e) {
      return false;
    }
  }

  /** Waits until the engine's task runs on the slot: inserts committed from now on are seen. */
  public boolean awaitStreaming(Duration timeout) throws InterruptedException {
    return streaming.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether the engine's task runs on the slot now (started and not ended). */
  public boolean isStreaming() {
    return streaming.getCount() == 0 && !finished.isDone();
  }

  /** Completes when the engine has stopped; exceptionally when it failed by itself. */
  public CompletableFuture<Void> finished() {
    return finished;
  }

  private void announce() {
    if (replay != null) {
      log.info(
          "relay streaming from {}, replaying request {} from the WAL",
          storedPosition(),
          replay.request().id());
    } else {
      log.info("relay streaming from {}", storedPosition());
    }
    streaming.countDown();
  }

  // The stored offset, not the slot's confirmed_flush_lsn, which trails it by CDC_REPLAY_WINDOW.
  private String storedPosition() {
    try (Connection c = dataSource.getConnection()) {
      return StoredOffsets.read(c, config.slotName())
          .map(s -> Lsns.format(s.lsn()))
          .orElse("a new slot");
    } catch (SQLException e) {
      return "an unknown position (" + e.getMessage() + ")";
    }
  }

  private void completed(boolean success, String message, Throwable error) {
    if (stopper.isStopped() || success) {
      finished.complete(null);
    } else {
      finished.completeExceptionally(
          new IllegalStateException("Debezium engine stopped: " + message, error));
    }
  }

  /** Stops taking records, abandons unconfirmed work (its offsets are not committed), closes. */
  @Override
  public void close() {
    // Stopped first, so that the consumer is not blocked in a backoff when the engine closes: in
    // 3.6.1 a consumer still blocked then keeps the task's stop from running and its replication
    // slot active (debezium/dbz#2442; a fix is proposed in debezium/debezium PR #7844).
    stopper.stop();
    try {
      consumer.commitOnStop();
    } catch (InterruptedException | RuntimeException e) {
      // Not acknowledged: those events are read and sent again after the restart.
      log.warn("could not acknowledge the last delivered events before stopping: {}", e.toString());
      // Only a real interrupt is handed on: re-raising the relay's own stop here interrupted the
      // leader election's thread, whose next wait for the lock then ended the election silently
      // (a relay neither active nor standby, found by the chaos suite's relay-kill-2).
      if (e instanceof InterruptedException && !(e instanceof Stopper.Stopping)) {
        Thread.currentThread().interrupt();
      }
    }
    engine.close();
    marker.close();
    publisher.close();
    finished.complete(null);
  }
}
