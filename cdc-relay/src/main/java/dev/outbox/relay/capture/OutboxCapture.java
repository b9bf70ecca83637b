package dev.outbox.relay.capture;

import dev.outbox.relay.config.DebeziumProperties;
import dev.outbox.relay.config.RelayConfig;
import dev.outbox.relay.metrics.RelayMetrics;
import dev.outbox.relay.model.Lsns;
import dev.outbox.relay.publish.MessagePublisher;
import dev.outbox.relay.replay.ReplayRequest;
import dev.outbox.relay.replay.WalReplayRun;
import dev.outbox.relay.store.OutboxRows;
import dev.outbox.relay.store.StoredOffsets;
import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.debezium.engine.spi.OffsetCommitPolicy;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
  private final DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
  private final ExecutorService executor;
  private final CountDownLatch streaming = new CountDownLatch(1);
  private final CompletableFuture<Void> finished = new CompletableFuture<>();

  private final WalReplayRun replay;

  private OutboxCapture(
      RelayConfig config, DataSource dataSource, RelayMetrics metrics, ReplayRequest replay) {
    this.config = config;
    this.dataSource = dataSource;
    this.publisher = Publishers.rabbitMq(config);
    BatchDelivery delivery =
        new BatchDelivery(
            publisher, new OutboxRows(dataSource), metrics, config.maxRetries(), stopper);
    this.marker = new PublishedMarker(delivery, config.slotName());
    this.replay = replay == null ? null : new WalReplayRun(replay, dataSource);
    this.consumer =
        new PublishingConsumer(
            new OutboxRecordMapper("outbox_events"),
            delivery,
            marker,
            config.offsetFlushInterval(),
            this.replay,
            stopper);
    this.engine =
        DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
            .using(DebeziumProperties.of(config))
            .using(
                new DebeziumEngine.ConnectorCallback() {
                  @Override
                  public void taskStarted() {
                    announce();
                  }
                })
            .using(this::completed)
            // The consumer decides when an offset may be committed (see PublishingConsumer).
            .using(OffsetCommitPolicy.always())
            .notifying(consumer)
            .build();
    this.executor =
        Executors.newSingleThreadExecutor(r -> new Thread(r, "relay-engine-" + config.slotName()));
  }

  /** Starts the engine on its own thread; returns at once. */
  public static OutboxCapture start(RelayConfig config, DataSource dataSource, RelayMetrics m) {
    return start(config, dataSource, m, null);
  }

  /**
   * Starts the engine on its own thread, serving the started WAL replay {@code replay} (null for
   * none: the stored offset must have been rewound for it); returns at once.
   */
  public static OutboxCapture start(
      RelayConfig config, DataSource dataSource, RelayMetrics m, ReplayRequest replay) {
    OutboxCapture capture = new OutboxCapture(config, dataSource, m, replay);
    capture.executor.execute(capture.engine);
    return capture;
  }

  /** Whether this capture still serves a WAL replay (it ends by itself; live events go on). */
  public boolean isReplaying() {
    return replay != null && replay.isRunning();
  }

  /** Waits until the engine's task runs on the slot: inserts committed from now on are seen. */
  public boolean awaitStreaming(Duration timeout) throws InterruptedException {
    return streaming.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
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

  // The 3.6.1 engine refuses close() while its tasks are still starting ("may lead to leaked
  // resource"); a start takes seconds at most, so wait for it rather than leak the slot.
  private void closeEngine() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        engine.close();
        return;
      } catch (IllegalStateException e) {
        if (System.nanoTime() > deadline) {
          log.warn("the Debezium engine did not finish starting; abandoning it", e);
          return;
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
      } catch (IOException e) {
        log.warn("closing the Debezium engine failed", e);
        return;
      }
    }
  }

  /** Stops taking records, abandons unconfirmed work (its offsets are not committed), closes. */
  @Override
  public void close() {
    stopper.stop();
    try {
      consumer.acknowledgeDelivered();
    } catch (InterruptedException | RuntimeException e) {
      // Not acknowledged: those events are read and sent again after the restart.
      log.warn("could not acknowledge the last delivered events before stopping: {}", e.toString());
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
    closeEngine();
    executor.shutdown();
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    marker.close();
    publisher.close();
    finished.complete(null);
  }
}
