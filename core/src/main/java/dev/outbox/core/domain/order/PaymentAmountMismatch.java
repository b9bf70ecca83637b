package dev.outbox.core.domain.order;

import dev.outbox.core.domain.DomainException;

/** A payment must settle the order's open balance exactly; this one does not. */
public final class PaymentAmountMismatch extends DomainException {

  private final OrderId orderId;
  private final Money balance;
  private final Money offered;

  public PaymentAmountMismatch(OrderId orderId, Money balance, Money offered) {
    super("Order " + orderId + " has a balance of " + balance + ", payment was " + offered);
    this.orderId = orderId;
    this.balance = balance;
    this.offered = offered;
  }

  public OrderId orderId() {
    return orderId;
  }

  public Money balance() {
    return balance;
  }

  public Money offered() {
    return offered;
  }
}
