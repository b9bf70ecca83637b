package dev.outbox.api.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.api.error.ApiProblem;
import dev.outbox.api.error.FieldError;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldReaderTest {

  @Test
  void every_error_is_reported_with_its_path() {
    FieldReader body =
        reader(
            "{\"email\":5,\"nickname\":\"x\",\"items\":[{\"quantity\":1.5},{\"quantity\":\"2\"},3]}",
            "email",
            "items");

    body.requiredText("email", TextFormat.EMAIL);
    body.requiredObjects("items", 1, 10, Set.of("quantity"))
        .forEach(i -> i.requiredInteger("quantity", 1, 9));

    assertThatThrownBy(body::throwIfInvalid)
        .isInstanceOfSatisfying(
            ApiProblem.class,
            p ->
                assertThat(p.errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder(
                        "nickname", "email", "items[0].quantity", "items[1].quantity", "items[2]"));
  }

  @Test
  void money_must_be_a_string_with_the_currency_scale() {
    FieldReader body =
        reader(
            "{\"a\":19.99,\"b\":\"19.999\",\"c\":\"0\",\"d\":\"5\",\"e\":\"100\"}",
            "a",
            "b",
            "c",
            "d",
            "e");

    assertThat(body.requiredMoney("a", "EUR", false)).isNull();
    assertThat(body.requiredMoney("b", "EUR", false)).isNull();
    assertThat(body.requiredMoney("c", "EUR", false)).isNull();
    assertThat(body.requiredMoney("d", "EUR", false)).isEqualTo(new BigDecimal("5.00"));
    assertThat(body.requiredMoney("e", "JPY", false)).isEqualTo(new BigDecimal("100"));
    assertThat(body.isValid()).isFalse();
  }

  @Test
  void null_and_absent_optional_fields_are_not_given() {
    FieldReader body = reader("{\"phone\":null}", "phone");

    assertThat(body.optionalText("phone", TextFormat.PHONE)).isNull();
    assertThat(body.isValid()).isTrue();
  }

  private static FieldReader reader(String json, String... known) {
    return FieldReader.of(JsonBody.parse(json.getBytes(StandardCharsets.UTF_8)), Set.of(known));
  }
}
