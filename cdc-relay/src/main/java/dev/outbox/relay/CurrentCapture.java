package dev.outbox.relay;

import dev.outbox.relay.CaptureSupervisor.Captures;
import dev.outbox.relay.capture.OutboxCapture;
import dev.outbox.relay.capture.SlotLossStop;
import dev.outbox.relay.replay.ReplayRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor's one capture at a time: starts it, closes it, and stops for good. A start refused
 * for a lost slot goes to the {@link SlotLossHold}; a capture that finished starting after {@link
 * #stop} is closed again.
 */
final class CurrentCapture {

  private static final Logger log = LoggerFactory.getLogger(CurrentCapture.class);

  private final Captures captures;
  private final SlotLossHold slotLoss;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private OutboxCapture capture;

  CurrentCapture(Captures captures, SlotLossHold slotLoss) {
    this.captures = captures;
    this.slotLoss = slotLoss;
  }

  /**
   * Starts a capture serving {@code replay} (if any) and makes it the current one.
   *
   * @return it, or null when stopped or the start failed (logged; the caller retries)
   */
  OutboxCapture start(Optional<ReplayRequest> replay) {
    if (isStopped()) {
      return null;
    }
    // Not under the monitor while the capture starts (it may wait for a dying relay's walsender to
    // release the slot): stop() is not held up; a capture that started meanwhile is closed again.
    OutboxCapture started;
    try {
      started = captures.start(replay.orElse(null));
      slotLoss.captureStarted();
    } catch (SlotLossStop e) {
      slotLoss.stoppedOn(e);
      return null;
    } catch (RuntimeException e) {
      log.warn("starting the capture failed, retrying: {}", e.toString());
      return null;
    }
    synchronized (this) {
      if (!isStopped()) {
        capture = started;
        return started;
      }
    }
    started.close();
    return null;
  }

  private synchronized OutboxCapture get() {
    return capture;
  }

  /** Whether a capture runs. */
  boolean isRunning() {
    return get() != null;
  }

  /** Whether a capture runs and its engine streams from the slot. */
  boolean isStreaming() {
    OutboxCapture running = get();
    return running != null && running.isStreaming();
  }

  /** Waits until a capture runs and its engine streams; false on timeout or stop. */
  boolean awaitStreaming(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      OutboxCapture running = get();
      if (running != null && running.awaitStreaming(Duration.ofMillis(50))) {
        return true;
      }
      if (running == null && awaitStop(50)) {
        return false;
      }
    }
    return false;
  }

  /** Closes the running capture, if any (unconfirmed work is not acknowledged). */
  synchronized void close() {
    if (capture != null) {
      capture.close();
      capture = null;
    }
  }

  /** Closes the running capture; no new one starts. */
  void stop() {
    synchronized (this) {
      stopped.countDown();
    }
    close();
  }

  boolean isStopped() {
    return stopped.getCount() == 0;
  }

  /** Waits up to {@code millis} for {@link #stop}; true if it came. */
  boolean awaitStop(long millis) throws InterruptedException {
    return stopped.await(millis, TimeUnit.MILLISECONDS);
  }
}
