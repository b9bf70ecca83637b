package dev.outbox.api.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.api.error.ApiProblem;
import dev.outbox.api.error.FieldError;
import dev.outbox.core.domain.user.Email;
import dev.outbox.core.domain.user.PhoneNumber;
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

    body.requiredValue("email", Email::new);
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

    assertThat(body.optionalValue("phone", PhoneNumber::new)).isNull();
    assertThat(body.isValid()).isTrue();
  }

  @Test
  void a_value_object_s_refusal_is_reported_with_its_reason_for_the_field() {
    FieldReader body =
        reader("{\"email\":\"ada@localhost\",\"phone\":\"4155550100\"}", "email", "phone");

    assertThat(body.requiredValue("email", Email::new)).isNull();
    assertThat(body.optionalValue("phone", PhoneNumber::new)).isNull();

    assertThatThrownBy(body::throwIfInvalid)
        .isInstanceOfSatisfying(
            ApiProblem.class,
            p ->
                assertThat(p.errors())
                    .containsExactly(
                        new FieldError("email", "must be an email address such as ada@example.com"),
                        new FieldError("phone", "must be an E.164 number such as +14155550100")));
  }

  @Test
  void a_value_is_taken_exactly_as_sent_so_surrounding_spaces_and_empty_strings_are_refused() {
    FieldReader body =
        reader(
            "{\"email\":\" ada@example.com \",\"phone\":\"\",\"x\":\"Ada@Example.com\"}",
            "email",
            "phone",
            "x");

    assertThat(body.requiredValue("email", Email::new)).isNull();
    assertThat(body.optionalValue("phone", PhoneNumber::new)).isNull();
    assertThat(body.requiredValue("x", Email::new)).isEqualTo(new Email("ada@example.com"));

    assertThatThrownBy(body::throwIfInvalid)
        .isInstanceOfSatisfying(
            ApiProblem.class,
            p ->
                assertThat(p.errors())
                    .extracting(FieldError::field)
                    .containsExactly("email", "phone"));
  }

  private static FieldReader reader(String json, String... known) {
    return FieldReader.of(JsonBody.parse(json.getBytes(StandardCharsets.UTF_8)), Set.of(known));
  }
}
