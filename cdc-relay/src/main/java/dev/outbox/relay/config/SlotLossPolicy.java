package dev.outbox.relay.config;

/** What the relay does when its slot's stored position is gone (CDC_SLOT_LOSS). */
public enum SlotLossPolicy {
  /** Drop what is left of the slot, create a new one, publish every unpublished row, stream. */
  RECOVER,
  /** Touch nothing, stream nothing, say so; an operator decides (then restarts with recover). */
  STOP
}
