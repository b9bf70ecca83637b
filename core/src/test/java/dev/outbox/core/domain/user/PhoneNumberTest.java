package dev.outbox.core.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.core.domain.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+4915112345678",
        "+14155550123",
        "+12345678",
        "+123456789012345",
        "+4930123456",
        "+861391234567890"
      })
  void an_e164_number_is_accepted(String value) {
    assertThat(new PhoneNumber(value).value()).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "4915112345678",
        "+04915112345678",
        "+1234567",
        "+1234567890123456",
        "+49 151 12345678",
        "+49-151-12345678",
        "+49151abc",
        "",
        "+0123456789",
        "+1 415 555 0100",
        "+12"
      })
  void a_number_not_in_e164_form_is_refused(String value) {
    assertThatThrownBy(() -> new PhoneNumber(value))
        .isInstanceOfSatisfying(
            InvalidValue.class,
            e -> {
              assertThat(e.field()).isEqualTo("phone");
              assertThat(e.reason()).isEqualTo("must be an E.164 number such as +14155550100");
            });
  }

  @Test
  void no_phone_given_means_none() {
    assertThat(PhoneNumber.ofNullable(null)).isNull();
    assertThat(PhoneNumber.ofNullable("  ")).isNull();
    assertThat(PhoneNumber.ofNullable(" +4915112345678 "))
        .isEqualTo(new PhoneNumber("+4915112345678"));
  }
}
