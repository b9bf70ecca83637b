package dev.outbox.core.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.core.domain.order.CurrencyMismatch;
import dev.outbox.core.domain.order.IllegalOrderTransition;
import dev.outbox.core.domain.order.Order;
import dev.outbox.core.domain.order.OrderId;
import dev.outbox.core.domain.order.OrderNotFound;
import dev.outbox.core.domain.order.OrderStatus;
import dev.outbox.core.domain.order.Payment;
import dev.outbox.core.domain.order.PaymentAmountMismatch;
import dev.outbox.core.domain.user.User;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordPaymentTest {

  final InMemoryCore core = new InMemoryCore();
  final User ada =
      core.useCases.registerUser().execute(new RegisterUserCommand("ada@example.com", null));
  final Order order =
      core.useCases
          .placeOrder()
          .execute(
              new PlaceOrderCommand(
                  ada.id(), "EUR", List.of(new PlaceOrderCommand.Item("BOOK-42", 2, "19.99"))));

  @Test
  void paying_the_total_records_the_payment_and_payment_received() {
    Payment payment =
        core.useCases
            .recordPayment()
            .execute(new RecordPaymentCommand(order.id(), "39.98", "EUR", "bank-7781"));

    assertThat(payment.reference()).isEqualTo("bank-7781");
    assertThat(payment.receivedAt()).isEqualTo(core.clock.instant());
    assertThat(core.useCases.getOrder().execute(order.id()).status()).isEqualTo(OrderStatus.PAID);
    assertThat(core.outbox.eventTypes())
        .containsExactly("user.created", "order.placed", "payment.received");
  }

  @Test
  void paying_twice_is_refused_the_second_time() {
    var command = new RecordPaymentCommand(order.id(), "39.98", "EUR", "bank-7781");
    core.useCases.recordPayment().execute(command);

    assertThatThrownBy(() -> core.useCases.recordPayment().execute(command))
        .isInstanceOf(IllegalOrderTransition.class);
    assertThat(core.outbox.eventTypes()).containsOnlyOnce("payment.received");
  }

  @Test
  void a_wrong_amount_or_currency_is_refused() {
    assertThatThrownBy(
            () ->
                core.useCases
                    .recordPayment()
                    .execute(new RecordPaymentCommand(order.id(), "39.97", "EUR", "r")))
        .isInstanceOf(PaymentAmountMismatch.class);
    assertThatThrownBy(
            () ->
                core.useCases
                    .recordPayment()
                    .execute(new RecordPaymentCommand(order.id(), "39.98", "USD", "r")))
        .isInstanceOf(CurrencyMismatch.class);
  }

  @Test
  void paying_an_unknown_order_is_refused() {
    OrderId nothing = OrderId.generate();

    assertThatThrownBy(
            () ->
                core.useCases
                    .recordPayment()
                    .execute(new RecordPaymentCommand(nothing, "1.00", "EUR", "r")))
        .isInstanceOf(OrderNotFound.class)
        .hasMessageContaining(nothing.toString());
  }
}
