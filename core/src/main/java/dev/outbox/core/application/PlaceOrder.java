package dev.outbox.core.application;

import dev.outbox.core.domain.InvalidValue;
import dev.outbox.core.domain.order.Money;
import dev.outbox.core.domain.order.Order;
import dev.outbox.core.domain.order.OrderId;
import dev.outbox.core.domain.order.OrderLine;
import dev.outbox.core.domain.order.OrderLines;
import dev.outbox.core.domain.order.OrderRepository;
import dev.outbox.core.domain.user.User;
import dev.outbox.core.domain.user.UserRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** Places an order for an existing user; the outbox gets {@code order.placed} in the same tx. */
public final class PlaceOrder {

  private final UserRepository users;
  private final OrderRepository orders;
  private final Transactions transactions;
  private final Clock clock;

  public PlaceOrder(
      UserRepository users, OrderRepository orders, Transactions transactions, Clock clock) {
    this.users = users;
    this.orders = orders;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * @throws InvalidValue when the currency or an item is invalid (field e.g. {@code
   *     items[0].unit_price})
   * @throws dev.outbox.core.domain.user.UserNotFound when the user does not exist
   */
  public Order execute(PlaceOrderCommand command) {
    Currency currency = Money.currency(command.currency());
    List<OrderLine> lines = lines(command.items(), currency);
    OrderId id = OrderId.generate();
    // Refused lines are refused before the user is looked up, whoever the user is.
    OrderLines.total(id, currency, lines);
    return transactions.inTransaction(
        () -> {
          User customer = users.get(command.userId());
          Order order = Order.place(id, customer, currency, lines, clock.instant());
          orders.save(order);
          return order;
        });
  }

  private static List<OrderLine> lines(List<PlaceOrderCommand.Item> items, Currency currency) {
    List<OrderLine> lines = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      PlaceOrderCommand.Item item = items.get(i);
      String prefix = "items[" + i + "].";
      if (item == null) {
        throw new InvalidValue("items[" + i + "]", "is required");
      }
      try {
        Money unitPrice = Money.parse("unit_price", item.unitPrice(), currency);
        lines.add(new OrderLine(item.sku(), item.quantity(), unitPrice));
      } catch (InvalidValue e) {
        throw new InvalidValue(prefix + e.field(), e.reason(), e);
      }
    }
    return lines;
  }
}
