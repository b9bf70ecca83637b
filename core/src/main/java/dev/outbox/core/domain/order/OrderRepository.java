package dev.outbox.core.domain.order;

import java.util.Optional;

/**
 * Port: where orders live. Must be called inside a unit of work (the application's Transactions
 * port); {@link #save} writes the order and one outbox row per pulled event in that same unit.
 */
public interface OrderRepository {

  Optional<Order> find(OrderId id);

  /** Like {@link #find}, but holds the order against concurrent changes until the unit ends. */
  Optional<Order> findForUpdate(OrderId id);

  /**
   * Writes the order and the outbox rows of its pending events, then clears them. The order is new
   * or was loaded in the same unit of work.
   */
  void save(Order order);

  /**
   * @throws OrderNotFound when there is no such order
   */
  default Order get(OrderId id) {
    return find(id).orElseThrow(() -> new OrderNotFound(id));
  }

  /**
   * @throws OrderNotFound when there is no such order
   */
  default Order getForUpdate(OrderId id) {
    return findForUpdate(id).orElseThrow(() -> new OrderNotFound(id));
  }
}
