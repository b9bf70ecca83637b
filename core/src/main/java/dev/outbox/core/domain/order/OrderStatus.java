package dev.outbox.core.domain.order;

/** PLACED until the full total is paid, then PAID. There is no way back. */
public enum OrderStatus {
  PLACED,
  PAID
}
