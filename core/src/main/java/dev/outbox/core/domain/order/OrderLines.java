package dev.outbox.core.domain.order;

import dev.outbox.core.domain.InvalidValue;
import java.util.Currency;
import java.util.List;

/**
 * The rules an order's lines obey together, in one place: at least one and at most {@link
 * Order#MAX_LINES} lines, every price in the order's currency, a total above zero (unit prices may
 * be zero). {@link Order#place} enforces them; a use case may check them before it looks anything
 * up, so a refused order is refused the same way whatever else is wrong with it.
 */
public final class OrderLines {

  private OrderLines() {}

  /**
   * The total of {@code lines} for order {@code id}.
   *
   * @throws InvalidValue (field {@code items}) with no lines, more than {@value Order#MAX_LINES},
   *     or a zero total
   * @throws CurrencyMismatch when a line's price is in another currency
   */
  public static Money total(OrderId id, Currency currency, List<OrderLine> lines) {
    if (lines == null || lines.isEmpty()) {
      throw new InvalidValue("items", "an order needs at least one item");
    }
    if (lines.size() > Order.MAX_LINES) {
      throw new InvalidValue("items", "an order has at most " + Order.MAX_LINES + " items");
    }
    Money total = Money.zero(currency);
    for (OrderLine line : lines) {
      if (!line.unitPrice().currency().equals(currency)) {
        throw new CurrencyMismatch(id, currency, line.unitPrice().currency());
      }
      total = total.plus(line.lineTotal());
    }
    if (total.isZero()) {
      throw new InvalidValue("items", "the order total must be positive");
    }
    return total;
  }
}
