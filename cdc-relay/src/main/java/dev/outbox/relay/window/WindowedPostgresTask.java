package dev.outbox.relay.window;

import io.debezium.config.Configuration;
import io.debezium.connector.postgresql.PostgresConnectorConfig;
import io.debezium.connector.postgresql.PostgresConnectorTask;
import io.debezium.connector.postgresql.PostgresOffsetContext;
import io.debezium.connector.postgresql.PostgresPartition;
import io.debezium.pipeline.ChangeEventSourceCoordinator;
import io.debezium.pipeline.spi.Offsets;
import io.debezium.pipeline.spi.Partition;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
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
 * the slot's position. With a window of 0 this is Debezium's own task.
 */
public class WindowedPostgresTask extends PostgresConnectorTask {

  /** Engine property carrying CDC_REPLAY_WINDOW in milliseconds. */
  public static final String WINDOW_PROPERTY = "outbox.replay.window.ms";

  private static final Logger log = LoggerFactory.getLogger(WindowedPostgresTask.class);

  private final ReentrantLock commitLock = new ReentrantLock();
  private final Clock clock = Clock.systemUTC();
  private volatile Partition.Provider<PostgresPartition> partitions;
  private volatile PostgresOffsetContext.Loader loader;
  private volatile ReplayWindow<Stored> window;

  private record Stored(Map<String, String> partition, Map<String, ?> offset) {}

  @Override
  public ChangeEventSourceCoordinator<PostgresPartition, PostgresOffsetContext> start(
      Configuration config) {
    ChangeEventSourceCoordinator<PostgresPartition, PostgresOffsetContext> started =
        super.start(config);
    PostgresConnectorConfig connectorConfig = new PostgresConnectorConfig(config);
    // Debezium's own provider is package-private; this is what it returns.
    PostgresPartition partition =
        new PostgresPartition(
            connectorConfig.getLogicalName(),
            config.getString(PostgresConnectorConfig.DATABASE_NAME.name()));
    partitions = () -> Set.of(partition);
    loader = new PostgresOffsetContext.Loader(connectorConfig);
    Duration length = Duration.ofMillis(config.getLong(WINDOW_PROPERTY, 0L));
    if (window == null && !length.isZero()) {
      window = new ReplayWindow<>(length);
      log.info("confirming to slot positions stored {} ago (CDC_REPLAY_WINDOW)", length);
    }
    return started;
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
}
