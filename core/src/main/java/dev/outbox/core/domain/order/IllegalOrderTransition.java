package dev.outbox.core.domain.order;

import dev.outbox.core.domain.DomainException;

/** The order's status does not allow this change, e.g. paying an order that is already PAID. */
public final class IllegalOrderTransition extends DomainException {

  private final OrderId orderId;
  private final OrderStatus from;
  private final OrderStatus to;

  public IllegalOrderTransition(OrderId orderId, OrderStatus from, OrderStatus to) {
    super("Order " + orderId + " cannot go from " + from + " to " + to);
    this.orderId = orderId;
    this.from = from;
    this.to = to;
  }

  public OrderId orderId() {
    return orderId;
  }

  public OrderStatus from() {
    return from;
  }

  public OrderStatus to() {
    return to;
  }
}
