package dev.outbox.relay.capture;

import dev.outbox.relay.model.SlotLoss;

/**
 * Thrown by {@link OutboxCapture#start} when the slot's stored position is gone and CDC_SLOT_LOSS
 * is {@code stop}: no engine was started, slot and stored position are untouched, and none should
 * start until the relay is restarted (with {@code recover}, or after the operator's own repair).
 */
public final class SlotLossStop extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final transient SlotLoss loss;

  SlotLossStop(SlotLoss loss) {
    super("slot " + loss.slot() + " lost, relay stopped (CDC_SLOT_LOSS=stop): " + loss.describe());
    this.loss = loss;
  }

  /** What was found, as recorded. */
  public SlotLoss loss() {
    return loss;
  }
}
