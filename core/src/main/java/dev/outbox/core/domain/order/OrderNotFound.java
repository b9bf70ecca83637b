package dev.outbox.core.domain.order;

import dev.outbox.core.domain.DomainException;

/** No order has this id. */
public final class OrderNotFound extends DomainException {

  private final OrderId orderId;

  public OrderNotFound(OrderId orderId) {
    super("Order " + orderId + " not found");
    this.orderId = orderId;
  }

  public OrderId orderId() {
    return orderId;
  }
}
