package dev.outbox.api.order;

import dev.outbox.core.domain.order.Order;
import dev.outbox.core.domain.order.OrderLine;
import dev.outbox.core.domain.order.Payment;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * An order as the api shows it. Money is a decimal string at the currency's scale; {@code status}
 * is {@code placed} until the balance is paid, then {@code paid}.
 */
record OrderResponse(
    UUID id,
    UUID userId,
    String status,
    String currency,
    List<Item> items,
    String total,
    String balance,
    List<PaymentResponse> payments,
    Instant placedAt) {

  record Item(String sku, int quantity, String unitPrice, String lineTotal) {

    static Item of(OrderLine line) {
      return new Item(
          line.sku(),
          line.quantity(),
          line.unitPrice().toDecimalString(),
          line.lineTotal().toDecimalString());
    }
  }

  static OrderResponse of(Order order) {
    return new OrderResponse(
        order.id().value(),
        order.userId().value(),
        order.status().name().toLowerCase(Locale.ROOT),
        order.currency().getCurrencyCode(),
        order.lines().stream().map(Item::of).toList(),
        order.total().toDecimalString(),
        order.balance().toDecimalString(),
        order.payments().stream().map((Payment p) -> PaymentResponse.of(order.id(), p)).toList(),
        order.placedAt());
  }
}
