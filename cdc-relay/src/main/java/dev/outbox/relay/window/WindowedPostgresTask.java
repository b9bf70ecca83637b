package dev.outbox.relay.window;

import io.debezium.config.CommonConnectorConfig;
import io.debezium.config.Configuration;
import io.debezium.connector.base.QueueProviderService;
import io.debezium.connector.postgresql.PostgresConnectorConfig;
import io.debezium.connector.postgresql.PostgresConnectorTask;
import io.debezium.connector.postgresql.PostgresOffsetContext;
import io.debezium.connector.postgresql.PostgresPartition;
import io.debezium.pipeline.ChangeEventSourceCoordinator;
import io.debezium.pipeline.DataChangeEvent;
import io.debezium.pipeline.ErrorHandler;
import io.debezium.pipeline.spi.Offsets;
import io.debezium.pipeline.spi.Partition;
import io.debezium.service.spi.ServiceProvider;
import io.debezium.service.spi.ServiceRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debezium's PostgreSQL task, confirming to the replication slot only what was stored at least
 * {@value #WINDOW_PROPERTY} milliseconds ago.
 *
 * <p>In 3.6.1 {@code performCommit()} (run from {@code poll()} after the engine committed offsets,
 * and from {@code stop()}) reads the stored offsets back and passes them to {@code
 * coordinator.commitOffset}, which flushes {@code lsn_commit} (or {@code lsn_proc}) to the slot,
 * and PostgreSQL never decodes a slot from before that position again. Here the stored offsets are
 * sampled instead and the newest sample older than the window is confirmed, so the slot keeps the
 * window's WAL and {@code replay} can rewind the stored offset into it. The stored offset itself
 * (the relay's truth for restarts) stays current: a restart streams from it, which is at or after
 * the slot's position. With a window of 0 this is Debezium's own commit.
 *
 * <p>It also hands each first record over at once, and sleeps while the WAL is idle: {@link
 * #doPoll()} waits on the queue's storage ({@link WakingQueue}, installed in place of Debezium's
 * {@code queue.provider.type}) until a record arrives, then drains what is queued, up to {@value
 * #BATCH_PROPERTY} records. Debezium's {@code ChangeEventQueue.poll()} is only ever called on a
 * non-empty queue and with {@code max.batch.size=1} (which the relay sets), so it returns each
 * record before its timed wait, and its poll interval and last-millisecond spin are off the path.
 *
 * <p>Each start turns off the streaming metrics' per-event {@code LastEvent} summary ({@link
 * LastEventSummary}) and has their lag measured on the streaming thread ({@link
 * InlineLagMeasurement}).
 */
public class WindowedPostgresTask extends PostgresConnectorTask {

  /** Engine property carrying CDC_REPLAY_WINDOW in milliseconds. */
  public static final String WINDOW_PROPERTY = "outbox.replay.window.ms";

  /**
   * Engine property carrying CDC_MAX_BATCH_SIZE, the most records one poll returns; without it,
   * {@code max.batch.size}.
   */
  public static final String BATCH_PROPERTY = "outbox.max.batch.size";

  // How long an idle poll sleeps before it returns empty. It bounds how late a streaming failure
  // (which enqueues nothing) is raised and how late an offset commit confirms the slot when no
  // record follows it; an empty poll every 250 ms costs nothing measurable.
  private static final long IDLE_POLL_NANOS = Duration.ofMillis(250).toNanos();

  private static final Logger log = LoggerFactory.getLogger(WindowedPostgresTask.class);

  private final ReentrantLock commitLock = new ReentrantLock();
  private final Clock clock = Clock.systemUTC();
  private volatile Partition.Provider<PostgresPartition> partitions;
  private volatile PostgresOffsetContext.Loader loader;
  private volatile ReplayWindow<Stored> window;
  private volatile WakingQueue<DataChangeEvent> waking;
  private volatile int maxBatch = 1;

  private record Stored(Map<String, String> partition, Map<String, ?> offset) {}

  @Override
  public ChangeEventSourceCoordinator<PostgresPartition, PostgresOffsetContext> start(
      Configuration config) {
    ChangeEventSourceCoordinator<PostgresPartition, PostgresOffsetContext> started =
        super.start(config);
    LastEventSummary.turnOff(started);
    InlineLagMeasurement.install(started);
    PostgresConnectorConfig connectorConfig = new PostgresConnectorConfig(config);
    // Debezium's own provider is package-private; this is what it returns.
    PostgresPartition partition =
        new PostgresPartition(
            connectorConfig.getLogicalName(),
            config.getString(PostgresConnectorConfig.DATABASE_NAME.name()));
    maxBatch =
        config.getInteger(
            BATCH_PROPERTY, config.getInteger(CommonConnectorConfig.MAX_BATCH_SIZE.name(), 1));
    partitions = () -> Set.of(partition);
    loader = new PostgresOffsetContext.Loader(connectorConfig);
    Duration length = Duration.ofMillis(config.getLong(WINDOW_PROPERTY, 0L));
    if (window == null && !length.isZero()) {
      window = new ReplayWindow<>(length);
      log.info("confirming to slot positions stored {} ago (CDC_REPLAY_WINDOW)", length);
    }
    return started;
  }

  /**
   * Debezium's services, with this task's {@link WakingQueue} as the queue's storage. Called by
   * every {@code start()} (a retriable restart too), each time with a new registry: each start gets
   * a new queue.
   */
  @Override
  protected void registerServiceProviders(ServiceRegistry registry) {
    super.registerServiceProviders(registry);
    WakingQueue<DataChangeEvent> fresh = new WakingQueue<>();
    // Registered after Debezium's own provider of the same service class, so it replaces it.
    registry.registerServiceProvider(new QueueStorage(fresh));
    waking = fresh;
  }

  /**
   * Sleeps until the first record is queued (at most {@code IDLE_POLL_NANOS}), then returns what is
   * queued, up to {@value #BATCH_PROPERTY}; records that arrive while it drains join the batch.
   */
  @Override
  public List<SourceRecord> doPoll() throws InterruptedException {
    WakingQueue<DataChangeEvent> queue = waking;
    if (queue == null || producerFailed()) {
      // Before the first start, and to let Debezium's queue raise the producer's failure.
      return super.doPoll();
    }
    // One record per call (max.batch.size=1): ChangeEventQueue.poll() returns before it waits.
    return queue.awaitBatch(IDLE_POLL_NANOS, maxBatch, super::doPoll);
  }

  private boolean producerFailed() {
    return getErrorHandler().map(ErrorHandler::getProducerThrowable).isPresent();
  }

  @Override
  public void performCommit() {
    ReplayWindow<Stored> samples = window;
    if (samples == null) {
      super.performCommit();
      return;
    }
    // As Debezium's own: a commit racing a stop or restart is skipped, the next one catches up.
    if (!commitLock.tryLock()) {
      return;
    }
    try {
      ChangeEventSourceCoordinator<PostgresPartition, PostgresOffsetContext> running = coordinator;
      if (running == null || loader == null) {
        return;
      }
      Offsets<PostgresPartition, PostgresOffsetContext> stored =
          getPreviousOffsets(partitions, loader);
      var now = clock.instant();
      stored
          .getOffsets()
          .forEach(
              (partition, offset) -> {
                if (offset != null) {
                  samples.record(
                      now, new Stored(partition.getSourcePartition(), offset.getOffset()));
                }
              });
      samples.due(now).ifPresent(due -> running.commitOffset(due.partition(), due.offset()));
    } finally {
      commitLock.unlock();
    }
  }

  /** Hands Debezium's queue builder this task's queue instead of the configured provider. */
  private record QueueStorage(WakingQueue<DataChangeEvent> queue)
      implements ServiceProvider<QueueProviderService> {

    @Override
    public Class<QueueProviderService> getServiceClass() {
      return QueueProviderService.class;
    }

    @Override
    public QueueProviderService createService(Configuration config, ServiceRegistry registry) {
      return new QueueProviderService(queue);
    }
  }
}
