package dev.outbox.relay;

import dev.outbox.relay.capture.OutboxCapture;
import dev.outbox.relay.capture.SlotLossStop;
import dev.outbox.relay.metrics.RelayMetrics;
import dev.outbox.relay.model.Lsns;
import dev.outbox.relay.model.SlotLoss;
import dev.outbox.relay.replay.ReplayRequest;
import dev.outbox.relay.replay.ReplayService;
import dev.outbox.relay.standby.LeaderElection;
import dev.outbox.relay.standby.LeaderLock;
import io.github.resilience4j.core.IntervalFunction;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active relay's term: runs the capture while the slot's lock is held, starts a new one with
 * backoff when it fails by itself, and every 500 ms checks the lock (lost: stop the engine at once,
 * hand the lock back), the slot (gone: a new capture, which recovers) and the replay requests (one
 * is due: stop, rewind, start a capture that replays from the WAL). A lost slot with
 * CDC_SLOT_LOSS=stop ends the captures until restarted ({@link #stoppedBy()}).
 */
final class CaptureSupervisor implements LeaderElection.Term {

  /** Starts a capture on the slot; {@code replay} is the WAL replay it serves, or null. */
  @FunctionalInterface
  interface Captures {
    OutboxCapture start(ReplayRequest replay);
  }

  private static final Logger log = LoggerFactory.getLogger(CaptureSupervisor.class);
  private static final IntervalFunction RESTART_BACKOFF =
      IntervalFunction.ofExponentialRandomBackoff(
          Duration.ofMillis(500), 2.0, 0.5, Duration.ofSeconds(30));

  private final String slot;
  private final Captures captures;
  private final ReplayService replays;
  private final RelayMetrics metrics;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private OutboxCapture capture;
  private volatile SlotLoss stoppedBy;
  private volatile boolean leading;

  CaptureSupervisor(String slot, Captures captures, ReplayService replays, RelayMetrics metrics) {
    this.slot = slot;
    this.captures = captures;
    this.replays = replays;
    this.metrics = metrics;
  }

  @Override
  public void serve(LeaderLock lock) throws InterruptedException {
    metrics.active(true);
    leading = true;
    try {
      superviseWhileHolding(lock);
    } finally {
      leading = false;
      metrics.active(false);
    }
  }

  private void superviseWhileHolding(LeaderLock lock) throws InterruptedException {
    for (int failures = 1; ; failures++) {
      // A capture's start may drop and recreate the slot (FirstSnapshotRestart): with the lock.
      if (!lock.isHeld()) {
        log.warn("relay lost the lock of slot {} before starting the engine", slot);
        lock.release();
        return;
      }
      OutboxCapture running = startResuming();
      if (running == null && stopped.getCount() == 0) {
        return;
      }
      if (running == null && stoppedBy != null) {
        holdStopped(lock);
        return;
      }
      long started = System.nanoTime();
      try {
        if (!watch(running, lock)) {
          return;
        }
      } catch (ExecutionException e) {
        log.error("relay engine failed; restarting", e.getCause());
      }
      stopCapture();
      if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(1)) {
        failures = 1; // it ran fine for a while: start the backoff over
      }
      if (stopped.await(RESTART_BACKOFF.apply(failures), TimeUnit.MILLISECONDS)) {
        return;
      }
    }
  }

  // CDC_SLOT_LOSS=stop: no engine until restarted. The lock stays held (a standby would stop the
  // same way); if it is lost, the election competes again and the winner looks afresh.
  private void holdStopped(LeaderLock lock) throws InterruptedException {
    while (!stopped.await(500, TimeUnit.MILLISECONDS)) {
      if (!lock.isHeld()) {
        lock.release();
        return;
      }
    }
  }

  /** The slot loss this relay stopped on (CDC_SLOT_LOSS=stop), if it did. */
  Optional<SlotLoss> stoppedBy() {
    return Optional.ofNullable(stoppedBy);
  }

  // A replay that was running when the last active relay stopped goes on.
  private OutboxCapture startResuming() {
    try {
      return startCapture(replays.inProgress());
    } catch (SQLException e) {
      log.warn("reading replay requests failed, retrying: {}", e.getMessage());
      return null;
    }
  }

  /**
   * Watches {@code running} (and the captures that replace it for replays) until it ends.
   *
   * @return false when the lock was lost: the engine is stopped and the lock released
   * @throws ExecutionException when the engine failed by itself
   */
  private boolean watch(OutboxCapture running, LeaderLock lock)
      throws InterruptedException, ExecutionException {
    while (running != null && !running.finished().isDone()) {
      waitForEnd(running);
      if (!running.finished().isDone() && !lock.isHeld()) {
        log.warn("relay lost the lock of slot {}: stopping the engine", slot);
        stopCapture();
        lock.release();
        return false;
      }
      if (!running.finished().isDone() && running.slotGone()) {
        log.warn("slot {} is gone under the engine: stopping it to recover", slot);
        return true;
      }
      if (!running.finished().isDone() && !running.isReplaying()) {
        running = serveDueReplay(running);
      }
    }
    return true;
  }

  private void waitForEnd(OutboxCapture running) throws InterruptedException, ExecutionException {
    try {
      running.finished().get(500, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // still streaming; the caller checks the lock and the replay requests
    }
  }

  /**
   * Serves the slot's due replay request, if there is one: stops the engine (its confirmed work is
   * committed), has the stored offset rewound and starts a capture that replays from there.
   *
   * @return the capture now running (null when stopping)
   */
  private OutboxCapture serveDueReplay(OutboxCapture running) {
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

  /** Waits until this instance is the active one and its engine streams; false on timeout. */
  boolean awaitStreaming(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      OutboxCapture current = current();
      if (current != null && current.awaitStreaming(Duration.ofMillis(50))) {
        return true;
      }
      if (current == null && stopped.await(50, TimeUnit.MILLISECONDS)) {
        return false;
      }
    }
    return false;
  }

  /** Whether this instance holds the slot's lock (the active relay, streaming or about to). */
  boolean isLeading() {
    return leading;
  }

  /** Whether a capture runs and its engine streams from the slot. */
  boolean isStreaming() {
    OutboxCapture current = current();
    return current != null && current.isStreaming();
  }

  /** Whether a capture runs (this instance holds the lock). */
  boolean isActive() {
    return current() != null;
  }

  // Not under the monitor while the capture starts (it may wait for a dying relay's walsender to
  // release the slot): stop() is not held up; a capture that started meanwhile is closed again.
  private OutboxCapture startCapture(Optional<ReplayRequest> replay) {
    if (stopped.getCount() == 0) {
      return null;
    }
    OutboxCapture started;
    try {
      started = captures.start(replay.orElse(null));
      stoppedBy = null;
      metrics.slotLossStopped(false);
    } catch (SlotLossStop e) {
      stoppedBy = e.loss();
      return null;
    } catch (RuntimeException e) {
      log.warn("starting the capture failed, retrying: {}", e.toString());
      return null;
    }
    synchronized (this) {
      if (stopped.getCount() != 0) {
        capture = started;
        return started;
      }
    }
    started.close();
    return null;
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

  /** Stops the capture (unconfirmed work is not acknowledged); no new one starts. */
  @Override
  public void stop() {
    synchronized (this) {
      stopped.countDown();
    }
    stopCapture();
  }
}
