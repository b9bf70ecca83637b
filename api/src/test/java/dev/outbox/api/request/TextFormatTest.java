package dev.outbox.api.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextFormatTest {

  @ParameterizedTest
  @ValueSource(strings = {"EUR", "USD", "JPY", "BHD"})
  void iso_currencies_pass(String code) {
    assertThat(TextFormat.CURRENCY.check(code)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"eur", "EURO", "ABC", "XXX", "XAU", "E1R"})
  void unknown_or_unitless_currencies_fail(String code) {
    assertThat(TextFormat.CURRENCY.check(code)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "19.99", "1000000", "0.5", "999999999999.9999"})
  void decimal_strings_pass_the_money_shape(String amount) {
    assertThat(TextFormat.MONEY.check(amount)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "01.00", "1e3", "1.", ".5", "1,00", "NaN", "19.99999", " 1"})
  void other_money_shapes_fail(String amount) {
    assertThat(TextFormat.MONEY.check(amount)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1900000000.YVmBZdLXOiPnw-5JoTbnamkmow6SjG3yXlAs99vwwRQ"})
  void the_documented_token_vector_has_the_token_shape(String token) {
    assertThat(TextFormat.VERIFICATION_TOKEN.check(token)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "abc", "1900000000.short", "x.YVmBZdLXOiPnw-5JoTbnamkmow6SjG3yXlAs99vwwRQ"})
  void other_token_shapes_fail(String token) {
    assertThat(TextFormat.VERIFICATION_TOKEN.check(token)).isNotNull();
  }
}
