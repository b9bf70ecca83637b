package dev.outbox.relay;

import dev.outbox.relay.capture.OutboxCapture;
import dev.outbox.relay.metrics.RelayMetrics;
import dev.outbox.relay.model.SlotLoss;
import dev.outbox.relay.replay.ReplayRequest;
import dev.outbox.relay.replay.ReplayService;
import dev.outbox.relay.standby.LeaderElection;
import dev.outbox.relay.standby.LeaderLock;
import io.github.resilience4j.core.IntervalFunction;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active relay's term: runs the capture while the slot's lock is held, starts a new one with
 * backoff when it fails by itself, and every 500 ms checks the lock (lost: stop the engine at once,
 * hand the lock back), the slot (gone: a new capture, which recovers) and the replay requests (one
 * is due: stop, rewind, start a capture that replays from the WAL); those checks are the {@link
 * CaptureWatch}'s. A lost slot with CDC_SLOT_LOSS=stop ends the captures until restarted ({@link
 * SlotLossHold}). The capture itself, and the stop that ends the term, is the {@link
 * CurrentCapture}.
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
  private final ReplayService replays;
  private final RelayMetrics metrics;
  private final SlotLossHold slotLoss;
  private final CurrentCapture current;
  private final CaptureWatch watch;
  private volatile boolean leading;

  CaptureSupervisor(String slot, Captures captures, ReplayService replays, RelayMetrics metrics) {
    this.slot = slot;
    this.replays = replays;
    this.metrics = metrics;
    this.slotLoss = new SlotLossHold(metrics);
    this.current = new CurrentCapture(captures, slotLoss);
    this.watch = new CaptureWatch(slot, replays, current);
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
      if (running == null && current.isStopped()) {
        return;
      }
      if (running == null && slotLoss.isStopped()) {
        slotLoss.hold(lock, current);
        return;
      }
      long started = System.nanoTime();
      try {
        if (!watch.watch(running, lock)) {
          return;
        }
      } catch (ExecutionException e) {
        log.error("relay engine failed; restarting", e.getCause());
      }
      current.close();
      if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(1)) {
        failures = 1; // it ran fine for a while: start the backoff over
      }
      if (current.awaitStop(RESTART_BACKOFF.apply(failures))) {
        return;
      }
    }
  }

  /** The slot loss this relay stopped on (CDC_SLOT_LOSS=stop), if it did. */
  Optional<SlotLoss> stoppedBy() {
    return slotLoss.stoppedBy();
  }

  // A replay that was running when the last active relay stopped goes on.
  private OutboxCapture startResuming() {
    try {
      return current.start(replays.inProgress());
    } catch (SQLException e) {
      log.warn("reading replay requests failed, retrying: {}", e.getMessage());
      return null;
    }
  }

  /** Waits until this instance is the active one and its engine streams; false on timeout. */
  boolean awaitStreaming(Duration timeout) throws InterruptedException {
    return current.awaitStreaming(timeout);
  }

  /** Whether this instance holds the slot's lock (the active relay, streaming or about to). */
  boolean isLeading() {
    return leading;
  }

  /** Whether a capture runs and its engine streams from the slot. */
  boolean isStreaming() {
    return current.isStreaming();
  }

  /** Whether a capture runs (this instance holds the lock). */
  boolean isActive() {
    return current.isRunning();
  }

  /** Stops the capture (unconfirmed work is not acknowledged); no new one starts. */
  @Override
  public void stop() {
    current.stop();
  }
}
