package dev.outbox.core.domain.order;

import static dev.outbox.core.domain.order.OrderFixture.PAID_AT;
import static dev.outbox.core.domain.order.OrderFixture.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.core.domain.InvalidValue;
import org.junit.jupiter.api.Test;

class PaymentTest {

  @Test
  void a_payment_of_zero_is_refused() {
    assertThatThrownBy(() -> new Payment(PaymentId.generate(), eur("0"), "ref", PAID_AT))
        .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("amount"));
  }

  @Test
  void a_payment_needs_a_reference_of_at_most_255_characters() {
    assertThatThrownBy(() -> new Payment(PaymentId.generate(), eur("1"), " ", PAID_AT))
        .isInstanceOf(InvalidValue.class);
    assertThatThrownBy(() -> new Payment(PaymentId.generate(), eur("1"), "r".repeat(256), PAID_AT))
        .isInstanceOf(InvalidValue.class);
    assertThat(new Payment(PaymentId.generate(), eur("1"), " ref-1 ", PAID_AT).reference())
        .isEqualTo("ref-1");
  }
}
