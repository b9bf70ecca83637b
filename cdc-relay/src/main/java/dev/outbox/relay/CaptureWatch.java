package dev.outbox.relay;

import dev.outbox.relay.capture.OutboxCapture;
import dev.outbox.relay.model.Lsns;
import dev.outbox.relay.replay.ReplayRequest;
import dev.outbox.relay.replay.ReplayService;
import dev.outbox.relay.standby.LeaderLock;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the running capture every 500 ms until it ends: the lock (lost: stop the engine at once,
 * hand the lock back), the slot (gone: end, so that a new capture recovers) and the replay requests
 * (one is due: stop, rewind, start a capture that replays from the WAL, and watch that one).
 */
final class CaptureWatch {

  private static final Logger log = LoggerFactory.getLogger(CaptureWatch.class);

  private final String slot;
  private final ReplayService replays;
  private final CurrentCapture current;

  CaptureWatch(String slot, ReplayService replays, CurrentCapture current) {
    this.slot = slot;
    this.replays = replays;
    this.current = current;
  }

  /**
   * Watches {@code running} (and the captures that replace it for replays) until it ends.
   *
   * @return false when the lock was lost: the engine is stopped and the lock released
   * @throws ExecutionException when the engine failed by itself
   */
  boolean watch(OutboxCapture running, LeaderLock lock)
      throws InterruptedException, ExecutionException {
    while (running != null && !running.finished().isDone()) {
      waitForEnd(running);
      if (!running.finished().isDone() && !lock.isHeld()) {
        log.warn("relay lost the lock of slot {}: stopping the engine", slot);
        current.close();
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
    current.close();
    return current.start(replays.rewind(due.get()));
  }
}
