package dev.outbox.core.application;

import dev.outbox.core.domain.order.OrderId;
import java.util.Objects;

/** Record a payment of {@code amount} (decimal string) in {@code currency} against an order. */
public record RecordPaymentCommand(
    OrderId orderId, String amount, String currency, String reference) {

  public RecordPaymentCommand {
    Objects.requireNonNull(orderId, "orderId is required");
  }
}
