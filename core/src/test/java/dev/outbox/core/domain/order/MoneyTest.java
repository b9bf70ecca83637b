package dev.outbox.core.domain.order;

import static dev.outbox.core.domain.order.OrderFixture.EUR;
import static dev.outbox.core.domain.order.OrderFixture.USD;
import static dev.outbox.core.domain.order.OrderFixture.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.core.domain.InvalidValue;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void an_amount_is_carried_at_the_currency_scale() {
    assertThat(eur("19.9").toDecimalString()).isEqualTo("19.90");
    assertThat(eur("10").toDecimalString()).isEqualTo("10.00");
    assertThat(eur("19.9900").toDecimalString()).isEqualTo("19.99");
    assertThat(Money.parse("amount", "1500", Currency.getInstance("JPY")).toDecimalString())
        .isEqualTo("1500");
    assertThat(Money.parse("amount", "1.234", Currency.getInstance("KWD")).toDecimalString())
        .isEqualTo("1.234");
  }

  @Test
  void amounts_that_differ_only_in_trailing_zeros_are_equal() {
    assertThat(eur("19.9")).isEqualTo(eur("19.90"));
  }

  @Test
  void an_amount_finer_than_the_minor_unit_is_refused_not_rounded() {
    assertThatThrownBy(() -> eur("19.999"))
        .isInstanceOf(InvalidValue.class)
        .hasMessageContaining("more than 2 decimals for EUR");
    assertThatThrownBy(() -> Money.parse("amount", "1.5", Currency.getInstance("JPY")))
        .isInstanceOf(InvalidValue.class);
  }

  @Test
  void a_negative_amount_is_refused() {
    assertThatThrownBy(() -> new Money(new BigDecimal("-0.01"), EUR))
        .isInstanceOf(InvalidValue.class)
        .hasMessageContaining("negative");
  }

  @Test
  void an_amount_too_large_for_the_columns_is_refused() {
    assertThat(eur("999999999999999.99").toDecimalString()).isEqualTo("999999999999999.99");
    assertThatThrownBy(() -> eur("1000000000000000.00"))
        .isInstanceOf(InvalidValue.class)
        .hasMessageContaining("too large");
  }

  @Test
  void parsing_names_the_field_of_a_bad_amount() {
    assertThatThrownBy(() -> Money.parse("unit_price", "19,99", EUR))
        .isInstanceOfSatisfying(
            InvalidValue.class, e -> assertThat(e.field()).isEqualTo("unit_price"));
    assertThatThrownBy(() -> Money.parse("unit_price", "-1", EUR))
        .isInstanceOfSatisfying(
            InvalidValue.class, e -> assertThat(e).hasMessage("unit_price: must not be negative"));
    assertThatThrownBy(() -> Money.parse("unit_price", null, EUR))
        .hasMessage("unit_price: is required");
    assertThatThrownBy(() -> Money.parse("unit_price", "1e400", EUR))
        .isInstanceOf(InvalidValue.class);
  }

  @Test
  void a_currency_is_an_iso_4217_code_with_a_minor_unit() {
    assertThat(Money.currency("EUR")).isEqualTo(EUR);
    assertThatThrownBy(() -> Money.currency("EURO")).isInstanceOf(InvalidValue.class);
    assertThatThrownBy(() -> Money.currency("eur")).isInstanceOf(InvalidValue.class);
    assertThatThrownBy(() -> Money.currency("XXX")).isInstanceOf(InvalidValue.class);
    assertThatThrownBy(() -> Money.currency(null)).hasMessage("currency: is required");
  }

  @Test
  void arithmetic_is_exact() {
    assertThat(eur("0.10").plus(eur("0.20"))).isEqualTo(eur("0.30"));
    assertThat(eur("19.99").times(3)).isEqualTo(eur("59.97"));
    assertThat(eur("42.48").minus(eur("2.48"))).isEqualTo(eur("40.00"));
    assertThat(Money.zero(EUR).isZero()).isTrue();
  }

  @Test
  void mixing_currencies_is_refused() {
    Money usd = Money.parse("amount", "1.00", USD);

    assertThatThrownBy(() -> eur("1.00").plus(usd)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> eur("1.00").minus(usd)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void subtracting_below_zero_is_refused() {
    assertThatThrownBy(() -> eur("1.00").minus(eur("2.00"))).isInstanceOf(InvalidValue.class);
  }
}
