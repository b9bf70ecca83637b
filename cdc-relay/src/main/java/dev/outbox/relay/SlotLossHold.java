package dev.outbox.relay;

import dev.outbox.relay.capture.SlotLossStop;
import dev.outbox.relay.metrics.RelayMetrics;
import dev.outbox.relay.model.SlotLoss;
import dev.outbox.relay.standby.LeaderLock;
import java.util.Optional;

/**
 * CDC_SLOT_LOSS=stop as the supervisor sees it: the loss a capture's start refused on ({@link
 * SlotLossStop}), kept until a capture starts again, and the wait that holds the slot's lock
 * meanwhile. The capture's {@code SlotLossRecovery} is the other side: it records the loss and
 * throws.
 */
final class SlotLossHold {

  private final RelayMetrics metrics;
  private volatile SlotLoss stoppedBy;

  SlotLossHold(RelayMetrics metrics) {
    this.metrics = metrics;
  }

  /** A capture's start was refused for {@code stop}'s loss. */
  void stoppedOn(SlotLossStop stop) {
    stoppedBy = stop.loss();
  }

  /** A capture started: whatever loss stopped the captures before is over. */
  void captureStarted() {
    stoppedBy = null;
    metrics.slotLossStopped(false);
  }

  /** The slot loss this relay stopped on, if it did. */
  Optional<SlotLoss> stoppedBy() {
    return Optional.ofNullable(stoppedBy);
  }

  boolean isStopped() {
    return stoppedBy != null;
  }

  // No engine until restarted. The lock stays held (a standby would stop the same way); if it is
  // lost, the election competes again and the winner looks afresh.
  void hold(LeaderLock lock, CurrentCapture current) throws InterruptedException {
    while (!current.awaitStop(500)) {
      if (!lock.isHeld()) {
        lock.release();
        return;
      }
    }
  }
}
