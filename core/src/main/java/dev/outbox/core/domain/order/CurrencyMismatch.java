package dev.outbox.core.domain.order;

import dev.outbox.core.domain.DomainException;
import java.util.Currency;

/** An amount (an item's price or a payment) is in another currency than its order. */
public final class CurrencyMismatch extends DomainException {

  private final OrderId orderId;

  public CurrencyMismatch(OrderId orderId, Currency expected, Currency actual) {
    super("Order " + orderId + " is in " + expected + ", got an amount in " + actual);
    this.orderId = orderId;
  }

  public OrderId orderId() {
    return orderId;
  }
}
