package dev.outbox.core.domain.order;

import dev.outbox.core.domain.AggregateRoot;
import dev.outbox.core.domain.InvalidValue;
import dev.outbox.core.domain.TimeOrderedIds;
import dev.outbox.core.domain.order.OrderEvent.OrderPlaced;
import dev.outbox.core.domain.order.OrderEvent.PaymentReceived;
import dev.outbox.core.domain.user.User;
import dev.outbox.core.domain.user.UserId;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer's order. Life cycle: {@link #place} fixes the lines, currency and total and raises
 * {@code order.placed}; {@link #recordPayment} accepts one payment of exactly the open balance, in
 * the order's currency, moves the order to PAID and raises {@code payment.received}. A PAID order
 * takes no more payments. Lines never change after placing.
 */
@Entity
@Table(name = "orders")
public class Order extends AggregateRoot {

  public static final int MAX_LINES = 100;

  @Id private UUID id;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Column(nullable = false, length = 3)
  private String currency;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private OrderStatus status;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal total;

  @Column(name = "placed_at", nullable = false)
  private Instant placedAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "order_lines", joinColumns = @JoinColumn(name = "order_id"))
  @OrderColumn(name = "line_no")
  private List<OrderLineColumns> lines = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "payments", joinColumns = @JoinColumn(name = "order_id"))
  @OrderColumn(name = "payment_no")
  private List<PaymentColumns> payments = new ArrayList<>();

  // for Hibernate
  Order() {}

  /**
   * Places an order for {@code customer}; raises {@code order.placed}.
   *
   * @throws InvalidValue (field {@code items}) when the lines break {@link OrderLines}' rules
   * @throws CurrencyMismatch when a line's price is in another currency
   */
  public static Order place(
      OrderId id, User customer, Currency currency, List<OrderLine> lines, Instant now) {
    Objects.requireNonNull(id, "id is required");
    Objects.requireNonNull(customer, "customer is required");
    Objects.requireNonNull(currency, "currency is required");
    Objects.requireNonNull(now, "now is required");
    Money total = OrderLines.total(id, currency, lines);
    Order order = new Order();
    order.id = id.value();
    order.userId = customer.id().value();
    order.currency = currency.getCurrencyCode();
    order.status = OrderStatus.PLACED;
    order.total = total.amount();
    order.placedAt = now;
    lines.forEach(line -> order.lines.add(new OrderLineColumns(line)));
    order.raise(
        new OrderPlaced(
            TimeOrderedIds.next(),
            now,
            id,
            customer.id(),
            customer.email(),
            customer.phone().orElse(null),
            List.copyOf(lines),
            total));
    return order;
  }

  /**
   * Records a payment that settles the order; raises {@code payment.received}.
   *
   * @param customer the order's customer, whose contact details the event carries
   * @throws IllegalOrderTransition when the order is already PAID
   * @throws CurrencyMismatch when the amount is in another currency than the order
   * @throws PaymentAmountMismatch when the amount is not exactly the open balance
   * @throws InvalidValue when the reference is blank or too long
   */
  public Payment recordPayment(User customer, Money amount, String reference, Instant now) {
    if (!customer.id().value().equals(userId)) {
      throw new IllegalArgumentException("user " + customer.id() + " is not the customer of " + id);
    }
    if (status != OrderStatus.PLACED) {
      throw new IllegalOrderTransition(id(), status, OrderStatus.PAID);
    }
    if (!amount.currency().equals(currency())) {
      throw new CurrencyMismatch(id(), currency(), amount.currency());
    }
    Money balance = balance();
    if (!amount.equals(balance)) {
      throw new PaymentAmountMismatch(id(), balance, amount);
    }
    Payment payment = new Payment(PaymentId.generate(), amount, reference, now);
    payments.add(new PaymentColumns(payment));
    status = OrderStatus.PAID;
    raise(
        new PaymentReceived(
            TimeOrderedIds.next(),
            now,
            payment.id(),
            id(),
            customer.id(),
            customer.email(),
            customer.phone().orElse(null),
            amount,
            payment.reference()));
    return payment;
  }

  /** What is still to be paid: the total minus every payment received. */
  public Money balance() {
    Money paid = Money.zero(currency());
    for (Payment payment : payments()) {
      paid = paid.plus(payment.amount());
    }
    return total().minus(paid);
  }

  public OrderId id() {
    return new OrderId(id);
  }

  public UserId userId() {
    return new UserId(userId);
  }

  public Currency currency() {
    return Currency.getInstance(currency);
  }

  public OrderStatus status() {
    return status;
  }

  public Money total() {
    return new Money(total, currency());
  }

  public Instant placedAt() {
    return placedAt;
  }

  public List<OrderLine> lines() {
    Currency c = currency();
    return lines.stream().map(line -> line.toLine(c)).toList();
  }

  public List<Payment> payments() {
    Currency c = currency();
    return payments.stream().map(payment -> payment.toPayment(c)).toList();
  }

  @Override
  public String toString() {
    return "Order[" + id + ", " + status + "]";
  }
}
