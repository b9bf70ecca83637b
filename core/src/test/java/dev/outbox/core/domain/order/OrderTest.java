package dev.outbox.core.domain.order;

import static dev.outbox.core.domain.order.OrderFixture.EUR;
import static dev.outbox.core.domain.order.OrderFixture.PAID_AT;
import static dev.outbox.core.domain.order.OrderFixture.PLACED_AT;
import static dev.outbox.core.domain.order.OrderFixture.USD;
import static dev.outbox.core.domain.order.OrderFixture.eur;
import static dev.outbox.core.domain.order.OrderFixture.someLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.core.domain.InvalidValue;
import dev.outbox.core.domain.order.OrderEvent.OrderPlaced;
import dev.outbox.core.domain.order.OrderEvent.PaymentReceived;
import dev.outbox.core.domain.user.User;
import dev.outbox.core.domain.user.UserFixture;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTest {

  final User ada = UserFixture.aUser();

  @Test
  void placing_an_order_totals_its_lines_and_raises_order_placed_with_the_customer_contact() {
    OrderId id = OrderId.generate();

    Order order = Order.place(id, ada, EUR, someLines(), PLACED_AT);

    assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
    assertThat(order.total()).isEqualTo(eur("42.48"));
    assertThat(order.balance()).isEqualTo(eur("42.48"));
    assertThat(order.lines()).isEqualTo(someLines());
    assertThat(order.userId()).isEqualTo(ada.id());
    assertThat(order.pendingEvents())
        .singleElement()
        .isInstanceOfSatisfying(
            OrderPlaced.class,
            e -> {
              assertThat(e.eventType()).isEqualTo("order.placed");
              assertThat(e.aggregateType()).isEqualTo("order");
              assertThat(e.aggregateId()).isEqualTo(id.value());
              assertThat(e.occurredAt()).isEqualTo(PLACED_AT);
              assertThat(e.payload())
                  .isEqualTo(
                      new OrderPlaced.Payload(
                          id.value(),
                          ada.id().value(),
                          "ada@example.com",
                          "+4915112345678",
                          "EUR",
                          List.of(
                              new OrderPlaced.Item("BOOK-42", 2, "19.99", "39.98"),
                              new OrderPlaced.Item("PEN-1", 1, "2.50", "2.50")),
                          "42.48"));
            });
  }

  @Test
  void an_order_without_lines_is_refused() {
    assertThatThrownBy(() -> Order.place(OrderId.generate(), ada, EUR, List.of(), PLACED_AT))
        .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("items"));
  }

  @Test
  void an_order_with_more_than_100_lines_is_refused() {
    List<OrderLine> lines = Collections.nCopies(101, new OrderLine("PEN-1", 1, eur("1.00")));

    assertThatThrownBy(() -> Order.place(OrderId.generate(), ada, EUR, lines, PLACED_AT))
        .isInstanceOf(InvalidValue.class)
        .hasMessageContaining("100");
  }

  @Test
  void an_order_with_a_zero_total_is_refused() {
    List<OrderLine> lines = List.of(new OrderLine("FREEBIE", 1, eur("0.00")));

    assertThatThrownBy(() -> Order.place(OrderId.generate(), ada, EUR, lines, PLACED_AT))
        .isInstanceOf(InvalidValue.class)
        .hasMessageContaining("positive");
  }

  @Test
  void a_line_priced_in_another_currency_is_refused() {
    OrderId id = OrderId.generate();
    List<OrderLine> lines = List.of(new OrderLine("PEN-1", 1, Money.parse("p", "1.00", USD)));

    assertThatThrownBy(() -> Order.place(id, ada, EUR, lines, PLACED_AT))
        .isInstanceOf(CurrencyMismatch.class)
        .hasMessageContaining(id.toString());
  }

  @Test
  void paying_the_balance_marks_the_order_paid_and_raises_payment_received() {
    Order order = OrderFixture.anOrderOf(ada);

    Payment payment = order.recordPayment(ada, eur("42.48"), "bank-transfer-7781", PAID_AT);

    assertThat(order.status()).isEqualTo(OrderStatus.PAID);
    assertThat(order.balance().isZero()).isTrue();
    assertThat(order.payments()).containsExactly(payment);
    assertThat(payment.amount()).isEqualTo(eur("42.48"));
    assertThat(payment.receivedAt()).isEqualTo(PAID_AT);
    assertThat(order.pendingEvents())
        .singleElement()
        .isInstanceOfSatisfying(
            PaymentReceived.class,
            e -> {
              assertThat(e.eventType()).isEqualTo("payment.received");
              assertThat(e.aggregateId()).isEqualTo(order.id().value());
              assertThat(e.payload())
                  .isEqualTo(
                      new PaymentReceived.Payload(
                          payment.id().value(),
                          order.id().value(),
                          ada.id().value(),
                          "ada@example.com",
                          "+4915112345678",
                          "42.48",
                          "EUR",
                          "bank-transfer-7781"));
            });
  }

  @Test
  void paying_a_paid_order_is_an_illegal_transition() {
    Order order = OrderFixture.aPaidOrderOf(ada);

    assertThatThrownBy(() -> order.recordPayment(ada, eur("42.48"), "again", PAID_AT))
        .isInstanceOfSatisfying(
            IllegalOrderTransition.class,
            e -> {
              assertThat(e.from()).isEqualTo(OrderStatus.PAID);
              assertThat(e.to()).isEqualTo(OrderStatus.PAID);
            })
        .hasMessageContaining(order.id().toString());
    assertThat(order.payments()).hasSize(1);
    assertThat(order.pendingEvents()).isEmpty();
  }

  @Test
  void a_payment_other_than_the_balance_is_refused_and_changes_nothing() {
    Order order = OrderFixture.anOrderOf(ada);

    assertThatThrownBy(() -> order.recordPayment(ada, eur("42.47"), "short", PAID_AT))
        .isInstanceOfSatisfying(
            PaymentAmountMismatch.class,
            e -> {
              assertThat(e.balance()).isEqualTo(eur("42.48"));
              assertThat(e.offered()).isEqualTo(eur("42.47"));
            })
        .hasMessageContaining(order.id().toString());
    assertThatThrownBy(() -> order.recordPayment(ada, eur("50.00"), "over", PAID_AT))
        .isInstanceOf(PaymentAmountMismatch.class);
    assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
    assertThat(order.payments()).isEmpty();
    assertThat(order.pendingEvents()).isEmpty();
  }

  @Test
  void a_payment_in_another_currency_is_refused() {
    Order order = OrderFixture.anOrderOf(ada);

    assertThatThrownBy(
            () -> order.recordPayment(ada, Money.parse("amount", "42.48", USD), "usd", PAID_AT))
        .isInstanceOf(CurrencyMismatch.class)
        .hasMessageContaining(order.id().toString());
    assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
  }

  @Test
  void a_payment_without_reference_is_refused() {
    Order order = OrderFixture.anOrderOf(ada);

    assertThatThrownBy(() -> order.recordPayment(ada, eur("42.48"), " ", PAID_AT))
        .isInstanceOf(InvalidValue.class);
    assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
  }

  @Test
  void only_the_customer_of_the_order_can_be_named_on_its_payment() {
    Order order = OrderFixture.anOrderOf(ada);
    User someoneElse = UserFixture.aUserWithoutPhone();

    assertThatThrownBy(() -> order.recordPayment(someoneElse, eur("42.48"), "ref", PAID_AT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void order_events_of_a_customer_without_phone_carry_a_null_phone() {
    User grace = UserFixture.aUserWithoutPhone();

    Order order = Order.place(OrderId.generate(), grace, EUR, someLines(), PLACED_AT);

    assertThat(((OrderPlaced) order.pullEvents().get(0)).payload().phone()).isNull();
  }
}
