package dev.outbox.core.domain.order;

import dev.outbox.core.domain.user.User;
import dev.outbox.core.domain.user.UserFixture;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/** Orders and money for tests, as static factories. */
public final class OrderFixture {

  public static final Currency EUR = Currency.getInstance("EUR");
  public static final Currency USD = Currency.getInstance("USD");
  public static final Instant PLACED_AT = Instant.parse("2026-11-27T04:22:00Z");
  public static final Instant PAID_AT = Instant.parse("2026-11-27T04:23:00Z");

  private OrderFixture() {}

  public static Money eur(String amount) {
    return Money.parse("amount", amount, EUR);
  }

  /** Two books at 19.99 and a pen at 2.50: 42.48 EUR. */
  public static List<OrderLine> someLines() {
    return List.of(
        new OrderLine("BOOK-42", 2, eur("19.99")), new OrderLine("PEN-1", 1, eur("2.50")));
  }

  /** A placed order of {@link #someLines()} for {@code customer}, events already pulled. */
  public static Order anOrderOf(User customer) {
    Order order = Order.place(OrderId.generate(), customer, EUR, someLines(), PLACED_AT);
    order.pullEvents();
    return order;
  }

  public static Order anOrder() {
    return anOrderOf(UserFixture.aUser());
  }

  /** A paid order of {@code customer}, events already pulled. */
  public static Order aPaidOrderOf(User customer) {
    Order order = anOrderOf(customer);
    order.recordPayment(customer, eur("42.48"), "bank-transfer-7781", PAID_AT);
    order.pullEvents();
    return order;
  }
}
