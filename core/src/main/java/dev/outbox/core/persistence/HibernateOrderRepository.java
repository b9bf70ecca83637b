package dev.outbox.core.persistence;

import dev.outbox.core.domain.order.Order;
import dev.outbox.core.domain.order.OrderId;
import dev.outbox.core.domain.order.OrderRepository;
import jakarta.persistence.LockModeType;
import java.util.Optional;

final class HibernateOrderRepository implements OrderRepository {

  private final HibernateAggregateStore store;

  HibernateOrderRepository(HibernateAggregateStore store) {
    this.store = store;
  }

  @Override
  public Optional<Order> find(OrderId id) {
    return Optional.ofNullable(store.session().find(Order.class, id.value()));
  }

  @Override
  public Optional<Order> findForUpdate(OrderId id) {
    return Optional.ofNullable(
        store.session().find(Order.class, id.value(), LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public void save(Order order) {
    store.save(order);
  }
}
