package dev.outbox.relay;

import dev.outbox.relay.capture.OutboxCapture;
import dev.outbox.relay.capture.ParkedEvents;
import dev.outbox.relay.capture.RowRepublisher;
import dev.outbox.relay.config.RelayConfig;
import dev.outbox.relay.config.RelayMigrations;
import dev.outbox.relay.metrics.RelayMetrics;
import dev.outbox.relay.metrics.SlotMonitor;
import dev.outbox.relay.model.Lsns;
import dev.outbox.relay.replay.ReplayRequest;
import dev.outbox.relay.replay.ReplayService;
import dev.outbox.relay.standby.LeaderLock;
import dev.outbox.relay.store.Retention;
import io.github.resilience4j.core.IntervalFunction;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay role: applies the relay's migrations, waits for the slot's advisory lock (a standby
 * waits here), then runs the capture engine while it holds the lock, restarting it with backoff
 * when it fails by itself and handing the lock back when closed. While active it looks for replay
 * requests of its slot every 500 ms and serves them from the WAL (see {@link ReplayService}).
 * Reused by the {@code relay} and {@code all} commands, the benchmark and the tests.
 */
public final class Relay implements AutoCloseable {

  /**
   * The size of the pool to give {@link #start}: the capture's publish marks and replay checks,
   * replay requests, retention and slot samples share it (the engine, its offset store and the lock
   * hold connections of their own).
   */
  public static final int POOL_SIZE = 4;

  private static final Logger log = LoggerFactory.getLogger(Relay.class);
  private static final IntervalFunction RESTART_BACKOFF =
      IntervalFunction.ofExponentialRandomBackoff(
          Duration.ofMillis(500), 2.0, 0.5, Duration.ofSeconds(30));

  private final RelayConfig config;
  private final DataSource dataSource;
  private final RelayMetrics metrics;
  private final LeaderLock lock;
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Thread leader;
  private final ScheduledExecutorService monitor;
  private final ReplayService replays;
  private OutboxCapture capture;

  private Relay(RelayConfig config, DataSource dataSource, MeterRegistry registry) {
    this.config = config;
    this.dataSource = dataSource;
    this.metrics = new RelayMetrics(registry, config.slotName());
    this.lock = new LeaderLock(config.database(), config.slotName());
    this.replays = replayService(config, dataSource, metrics);
    this.leader = new Thread(this::lead, "relay-leader-" + config.slotName());
    this.monitor =
        Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "relay-monitor-" + config.slotName()));
  }

  /**
   * Migrates the relay's tables and starts competing for the slot; returns at once. The outbox
   * table and publication (the application's migrations) must exist.
   */
  public static Relay start(RelayConfig config, DataSource dataSource, MeterRegistry registry) {
    RelayMigrations.migrate(dataSource, config.publication());
    Relay relay = new Relay(config, dataSource, registry);
    relay.leader.start();
    relay.monitor.scheduleWithFixedDelay(
        new SlotMonitor(dataSource, config.slotName(), config.walWarnBytes(), relay.metrics),
        1,
        5,
        TimeUnit.SECONDS);
    relay.monitor.scheduleWithFixedDelay(relay::applyRetention, 1, 60, TimeUnit.SECONDS);
    return relay;
  }

  /** Waits until this instance is the active one and its engine streams; false on timeout. */
  public boolean awaitStreaming(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      OutboxCapture current = current();
      if (current != null && current.awaitStreaming(Duration.ofMillis(50))) {
        return true;
      }
      if (current == null && closing.await(50, TimeUnit.MILLISECONDS)) {
        return false;
      }
    }
    return false;
  }

  /** Whether this instance holds the lock and runs the engine (false for a standby). */
  public boolean isActive() {
    return current() != null;
  }

  /**
   * Publishes parked events again, the one with {@code id} or all when {@code id} is null.
   *
   * @return how many the broker confirmed
   */
  public int redriveParked(UUID id) throws InterruptedException {
    return new ParkedEvents(config, dataSource, metrics).redrive(id);
  }

  /** The relay's meters. */
  public RelayMetrics metrics() {
    return metrics;
  }

  // Only the active relay deletes, so standbys add no load; a failure waits for the next round.
  private void applyRetention() {
    if (!isActive()) {
      return;
    }
    try {
      long deleted = new Retention(dataSource, config.retention(), 500).run();
      if (deleted > 0) {
        log.info(
            "retention deleted {} published outbox rows older than {}",
            deleted,
            config.retention());
      }
    } catch (SQLException e) {
      log.warn("retention failed, retrying in a minute: {}", e.getMessage());
    }
  }

  private void lead() {
    try {
      while (closing.getCount() > 0 && lock.acquire()) {
        log.info("relay holds the lock of slot {}: active", config.slotName());
        metrics.active(true);
        runWhileHoldingLock();
        metrics.active(false);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void runWhileHoldingLock() throws InterruptedException {
    for (int failures = 1; ; failures++) {
      OutboxCapture running;
      try {
        // A replay that was running when the last active relay stopped goes on.
        running = startCapture(replays.inProgress());
      } catch (SQLException e) {
        log.warn("reading replay requests failed, retrying: {}", e.getMessage());
        running = null;
      }
      if (running == null && closing.getCount() == 0) {
        return;
      }
      long started = System.nanoTime();
      try {
        while (running != null && !running.finished().isDone()) {
          waitForEnd(running);
          if (!running.finished().isDone() && !lock.isHeld()) {
            log.warn("relay lost the lock of slot {}: stopping the engine", config.slotName());
            stopCapture();
            lock.release();
            return;
          }
          if (!running.finished().isDone() && !running.isReplaying()) {
            running = serveReplayRequest(running);
          }
        }
      } catch (ExecutionException e) {
        log.error("relay engine failed; restarting", e.getCause());
      }
      stopCapture();
      if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(1)) {
        failures = 1; // it ran fine for a while: start the backoff over
      }
      if (closing.await(RESTART_BACKOFF.apply(failures), TimeUnit.MILLISECONDS)) {
        return;
      }
    }
  }

  private void waitForEnd(OutboxCapture running) throws InterruptedException, ExecutionException {
    try {
      running.finished().get(500, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // still streaming; the caller checks the lock and the replay requests
    }
  }

  /**
   * Serves the slot's next replay request, if there is one: stops the engine (its confirmed work is
   * committed), rewinds the stored offset to the request's point and starts a new engine that
   * replays from there; or, when the WAL cannot serve it, refuses it and keeps streaming.
   *
   * @return the capture now running (null when the relay is closing)
   */
  private OutboxCapture serveReplayRequest(OutboxCapture running) {
    Optional<ReplayRequest> due = replays.due();
    if (due.isEmpty()) {
      return running;
    }
    log.info(
        "replay request {} from {}: stopping the engine to rewind",
        due.get().id(),
        Lsns.format(due.get().fromLsn()));
    stopCapture();
    return startCapture(replays.rewind(due.get()));
  }

  /**
   * The replay service for the {@code replay} command, which runs no relay: it reads the rows
   * itself and leaves WAL replays to the slot's active relay.
   */
  public static ReplayService replayService(RelayConfig config, DataSource dataSource) {
    return replayService(
        config, dataSource, new RelayMetrics(new SimpleMeterRegistry(), config.slotName()));
  }

  private static ReplayService replayService(
      RelayConfig config, DataSource dataSource, RelayMetrics metrics) {
    return new ReplayService(
        config.slotName(), dataSource, () -> new RowRepublisher(config, dataSource, metrics));
  }

  private synchronized OutboxCapture startCapture(Optional<ReplayRequest> replay) {
    if (closing.getCount() == 0) {
      return null;
    }
    capture = OutboxCapture.start(config, dataSource, metrics, replay.orElse(null));
    return capture;
  }

  private synchronized OutboxCapture current() {
    return capture;
  }

  private synchronized void stopCapture() {
    if (capture != null) {
      capture.close();
      capture = null;
    }
  }

  /** Stops the engine (unconfirmed work is not acknowledged), then gives the lock up. */
  @Override
  public void close() {
    synchronized (this) {
      closing.countDown();
    }
    stopCapture();
    lock.close();
    monitor.shutdownNow();
    try {
      leader.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    metrics.active(false);
  }
}
