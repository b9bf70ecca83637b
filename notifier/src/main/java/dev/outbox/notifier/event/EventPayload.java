package dev.outbox.notifier.event;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The payload of each event type of docs/events.md, the notifier's own copy of the contract. The
 * parser reads the payload of a message into the record of its type and throws {@link
 * MalformedEvent} for a missing or mistyped field, so every handler sees the same verdict. Ids are
 * UUIDs, money is an exact decimal (a decimal string on the wire), {@code phone} is null when the
 * user gave none. Recipients are checked for their syntax only when a notification is sent to them.
 */
public sealed interface EventPayload {

  /** The {@code aggregate_type} the envelope must carry with this event type. */
  String aggregateType();

  /** {@code user.created}: {@code {"user_id","email","phone"}}, phone a string or null. */
  record UserCreated(UUID userId, String email, String phone) implements EventPayload {
    public static final String TYPE = "user.created";

    static UserCreated read(JsonFields f) {
      return new UserCreated(f.uuid("user_id"), f.text("email"), f.nullableText("phone"));
    }

    @Override
    public String aggregateType() {
      return "user";
    }
  }

  /** {@code user.email_verified}: {@code {"user_id","email"}}. */
  record UserEmailVerified(UUID userId, String email) implements EventPayload {
    public static final String TYPE = "user.email_verified";

    static UserEmailVerified read(JsonFields f) {
      return new UserEmailVerified(f.uuid("user_id"), f.text("email"));
    }

    @Override
    public String aggregateType() {
      return "user";
    }
  }

  /**
   * {@code order.placed}: {@code {"order_id","user_id","email","phone","currency","items":[...],
   * "total"}}, at least one item.
   */
  record OrderPlaced(
      UUID orderId,
      UUID userId,
      String email,
      String phone,
      String currency,
      List<Item> items,
      BigDecimal total)
      implements EventPayload {
    public static final String TYPE = "order.placed";

    public OrderPlaced {
      items = List.copyOf(items);
    }

    static OrderPlaced read(JsonFields f) {
      return new OrderPlaced(
          f.uuid("order_id"),
          f.uuid("user_id"),
          f.text("email"),
          f.nullableText("phone"),
          f.currency("currency"),
          f.objects("items").stream().map(Item::read).toList(),
          f.decimal("total"));
    }

    @Override
    public String aggregateType() {
      return "order";
    }

    /** {@code {"sku","quantity","unit_price","line_total"}}, quantity a JSON integer. */
    public record Item(String sku, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
      static Item read(JsonFields f) {
        return new Item(
            f.text("sku"), f.integer("quantity"), f.decimal("unit_price"), f.decimal("line_total"));
      }
    }
  }

  /**
   * {@code payment.received}: {@code {"payment_id","order_id","user_id","email","phone","amount",
   * "currency","reference"}}.
   */
  record PaymentReceived(
      UUID paymentId,
      UUID orderId,
      UUID userId,
      String email,
      String phone,
      BigDecimal amount,
      String currency,
      String reference)
      implements EventPayload {
    public static final String TYPE = "payment.received";

    static PaymentReceived read(JsonFields f) {
      return new PaymentReceived(
          f.uuid("payment_id"),
          f.uuid("order_id"),
          f.uuid("user_id"),
          f.text("email"),
          f.nullableText("phone"),
          f.decimal("amount"),
          f.currency("currency"),
          f.text("reference"));
    }

    @Override
    public String aggregateType() {
      return "order";
    }
  }
}
