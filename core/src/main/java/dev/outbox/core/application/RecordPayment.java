package dev.outbox.core.application;

import dev.outbox.core.domain.order.Money;
import dev.outbox.core.domain.order.Order;
import dev.outbox.core.domain.order.OrderRepository;
import dev.outbox.core.domain.order.Payment;
import dev.outbox.core.domain.user.User;
import dev.outbox.core.domain.user.UserRepository;
import java.time.Clock;

/**
 * Records a payment that settles an order; the outbox gets {@code payment.received} in the same
 * transaction. The order is locked for the transaction, so two concurrent payments cannot both
 * settle it.
 */
public final class RecordPayment {

  private final UserRepository users;
  private final OrderRepository orders;
  private final Transactions transactions;
  private final Clock clock;

  public RecordPayment(
      UserRepository users, OrderRepository orders, Transactions transactions, Clock clock) {
    this.users = users;
    this.orders = orders;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * @throws dev.outbox.core.domain.InvalidValue when amount, currency or reference is invalid
   * @throws dev.outbox.core.domain.order.OrderNotFound when the order does not exist
   * @throws dev.outbox.core.domain.order.IllegalOrderTransition when the order is already paid
   * @throws dev.outbox.core.domain.order.CurrencyMismatch when the currency is not the order's
   * @throws dev.outbox.core.domain.order.PaymentAmountMismatch when the amount is not the balance
   */
  public Payment execute(RecordPaymentCommand command) {
    Money amount = Money.parse("amount", command.amount(), Money.currency(command.currency()));
    return transactions.inTransaction(
        () -> {
          Order order = orders.getForUpdate(command.orderId());
          User customer = users.get(order.userId());
          Payment payment =
              order.recordPayment(customer, amount, command.reference(), clock.instant());
          orders.save(order);
          return payment;
        });
  }
}
