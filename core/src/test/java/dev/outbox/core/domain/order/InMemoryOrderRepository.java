package dev.outbox.core.domain.order;

import dev.outbox.core.domain.InMemoryOutbox;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Test double of {@link OrderRepository}: a map that moves pulled events to an outbox list. */
public final class InMemoryOrderRepository implements OrderRepository {

  private final Map<OrderId, Order> orders = new LinkedHashMap<>();
  private final InMemoryOutbox outbox;

  public InMemoryOrderRepository(InMemoryOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public Optional<Order> find(OrderId id) {
    return Optional.ofNullable(orders.get(id));
  }

  @Override
  public Optional<Order> findForUpdate(OrderId id) {
    return find(id);
  }

  @Override
  public void save(Order order) {
    orders.put(order.id(), order);
    outbox.append(order);
  }
}
