package dev.outbox.notifier.store;

/** The states of a delivery; see {@link Deliveries} for the transitions. */
public enum DeliveryState {
  PENDING,
  SENDING,
  SENT,
  RETRY_SCHEDULED,
  FAILED_PERMANENT,
  GAVE_UP
}
