package dev.outbox.core.application;

import dev.outbox.core.domain.order.Order;
import dev.outbox.core.domain.order.OrderId;
import dev.outbox.core.domain.order.OrderRepository;

/** Reads one order with its lines and payments. */
public final class GetOrder {

  private final OrderRepository orders;
  private final Transactions transactions;

  public GetOrder(OrderRepository orders, Transactions transactions) {
    this.orders = orders;
    this.transactions = transactions;
  }

  /**
   * @throws dev.outbox.core.domain.order.OrderNotFound when there is no such order
   */
  public Order execute(OrderId id) {
    return transactions.inTransaction(() -> orders.get(id));
  }
}
