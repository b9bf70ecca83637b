package dev.outbox.core.domain.order;

import static dev.outbox.core.domain.order.OrderFixture.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.core.domain.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderLineTest {

  @Test
  void the_line_total_is_quantity_times_unit_price() {
    assertThat(new OrderLine("BOOK-42", 3, eur("19.99")).lineTotal()).isEqualTo(eur("59.97"));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 10_001})
  void a_quantity_outside_1_to_10000_is_refused(int quantity) {
    assertThatThrownBy(() -> new OrderLine("BOOK-42", quantity, eur("1.00")))
        .isInstanceOfSatisfying(
            InvalidValue.class, e -> assertThat(e.field()).isEqualTo("quantity"));
  }

  @Test
  void a_blank_or_too_long_sku_is_refused() {
    assertThatThrownBy(() -> new OrderLine(" ", 1, eur("1.00"))).isInstanceOf(InvalidValue.class);
    assertThatThrownBy(() -> new OrderLine(null, 1, eur("1.00"))).isInstanceOf(InvalidValue.class);
    assertThatThrownBy(() -> new OrderLine("x".repeat(65), 1, eur("1.00")))
        .isInstanceOf(InvalidValue.class);
  }

  @Test
  void the_sku_is_stripped() {
    assertThat(new OrderLine(" BOOK-42 ", 1, eur("1.00")).sku()).isEqualTo("BOOK-42");
  }
}
