package dev.outbox.core.domain.order;

import dev.outbox.core.domain.DomainEvent;
import dev.outbox.core.domain.user.Email;
import dev.outbox.core.domain.user.PhoneNumber;
import dev.outbox.core.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Events raised by an {@link Order}; aggregate type {@code order}. They carry the customer's email
 * and phone (event-carried state: consumers own no copy of the users table). Payloads as in
 * docs/events.md, money as decimal strings at the currency's scale.
 */
public sealed interface OrderEvent extends DomainEvent {

  String AGGREGATE_TYPE = "order";

  OrderId orderId();

  @Override
  default UUID aggregateId() {
    return orderId().value();
  }

  @Override
  default String aggregateType() {
    return AGGREGATE_TYPE;
  }

  private static String nullable(PhoneNumber phone) {
    return phone == null ? null : phone.value();
  }

  /** {@code order.placed}: a customer placed an order; it waits for payment. */
  record OrderPlaced(
      UUID eventId,
      Instant occurredAt,
      OrderId orderId,
      UserId userId,
      Email email,
      PhoneNumber phone,
      List<OrderLine> lines,
      Money total)
      implements OrderEvent {

    public static final String TYPE = "order.placed";

    public OrderPlaced {
      Objects.requireNonNull(eventId, "eventId is required");
      Objects.requireNonNull(occurredAt, "occurredAt is required");
      Objects.requireNonNull(orderId, "orderId is required");
      Objects.requireNonNull(userId, "userId is required");
      Objects.requireNonNull(email, "email is required");
      lines = List.copyOf(lines);
      Objects.requireNonNull(total, "total is required");
    }

    @Override
    public String eventType() {
      return TYPE;
    }

    @Override
    public Payload payload() {
      List<Item> items =
          lines.stream()
              .map(
                  l ->
                      new Item(
                          l.sku(),
                          l.quantity(),
                          l.unitPrice().toDecimalString(),
                          l.lineTotal().toDecimalString()))
              .toList();
      return new Payload(
          orderId.value(),
          userId.value(),
          email.value(),
          nullable(phone),
          total.currency().getCurrencyCode(),
          items,
          total.toDecimalString());
    }

    /** {@code {"order_id","user_id","email","phone","currency","items":[...],"total"}}. */
    public record Payload(
        UUID orderId,
        UUID userId,
        String email,
        String phone,
        String currency,
        List<Item> items,
        String total) {}

    /** {@code {"sku","quantity","unit_price","line_total"}}. */
    public record Item(String sku, int quantity, String unitPrice, String lineTotal) {}
  }

  /** {@code payment.received}: a payment settled the order, which is now PAID. */
  record PaymentReceived(
      UUID eventId,
      Instant occurredAt,
      PaymentId paymentId,
      OrderId orderId,
      UserId userId,
      Email email,
      PhoneNumber phone,
      Money amount,
      String reference)
      implements OrderEvent {

    public static final String TYPE = "payment.received";

    public PaymentReceived {
      Objects.requireNonNull(eventId, "eventId is required");
      Objects.requireNonNull(occurredAt, "occurredAt is required");
      Objects.requireNonNull(paymentId, "paymentId is required");
      Objects.requireNonNull(orderId, "orderId is required");
      Objects.requireNonNull(userId, "userId is required");
      Objects.requireNonNull(email, "email is required");
      Objects.requireNonNull(amount, "amount is required");
      Objects.requireNonNull(reference, "reference is required");
    }

    @Override
    public String eventType() {
      return TYPE;
    }

    @Override
    public Payload payload() {
      return new Payload(
          paymentId.value(),
          orderId.value(),
          userId.value(),
          email.value(),
          nullable(phone),
          amount.toDecimalString(),
          amount.currency().getCurrencyCode(),
          reference);
    }

    /**
     * {@code {"payment_id","order_id","user_id","email","phone","amount","currency","reference"}}.
     */
    public record Payload(
        UUID paymentId,
        UUID orderId,
        UUID userId,
        String email,
        String phone,
        String amount,
        String currency,
        String reference) {}
  }
}
