package dev.outbox.api.order;

import dev.outbox.core.domain.order.OrderId;
import dev.outbox.core.domain.order.Payment;
import java.time.Instant;
import java.util.UUID;

/** A payment recorded against an order. */
record PaymentResponse(
    UUID id, UUID orderId, String amount, String currency, String reference, Instant receivedAt) {

  static PaymentResponse of(OrderId orderId, Payment payment) {
    return new PaymentResponse(
        payment.id().value(),
        orderId.value(),
        payment.amount().toDecimalString(),
        payment.amount().currency().getCurrencyCode(),
        payment.reference(),
        payment.receivedAt());
  }
}
