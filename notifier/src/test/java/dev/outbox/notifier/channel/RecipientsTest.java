package dev.outbox.notifier.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecipientsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ada@example.com",
        "Ada.Lovelace@Example.COM",
        "a+tag@sub.example.co.uk",
        "o'neil@example.ie",
        "x@a-b.example"
      })
  void addresses_the_api_accepts_may_receive_email(String address) {
    assertThat(Recipients.emailProblem(address)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "12345",
        "ada",
        "ada@",
        "@example.com",
        "ada@example",
        "ada@@example.com",
        "ada@example..com",
        "ada.@example.com",
        ".ada@example.com",
        "ada@-example.com",
        "ada lovelace@example.com",
        " ada@example.com",
        "ada@example.com\n",
        "ada@exämple.com",
        "ada@example.com,bob@example.com",
        "\"ada\"@example.com"
      })
  void anything_else_is_not_an_email_address(String address) {
    assertThat(Recipients.emailProblem(address))
        .hasValueSatisfying(reason -> assertThat(reason).startsWith("recipient is not a valid"));
  }

  @Test
  void an_address_over_254_characters_or_with_a_local_part_over_64_is_refused() {
    String domain = "@" + "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + ".com";

    assertThat(Recipients.emailProblem("a".repeat(64) + "@example.com")).isEmpty();
    assertThat(Recipients.emailProblem("a".repeat(65) + "@example.com"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("local part longer than 64"));
    assertThat(Recipients.emailProblem("a".repeat(70) + domain))
        .hasValueSatisfying(reason -> assertThat(reason).contains("longer than 254"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"+15005550006", "+4915112345678", "+12345678", "+123456789012345"})
  void e164_numbers_may_receive_sms(String phone) {
    assertThat(Recipients.phoneProblem(phone)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "015112345678",
        "0049 151 12345678",
        "+49 151 12345678",
        "+49-151-12345678",
        "+0151123456",
        "+1234567",
        "+1234567890123456",
        "15005550006",
        "+1500555000x",
        "12345"
      })
  void other_numbers_are_not_e164(String phone) {
    assertThat(Recipients.phoneProblem(phone))
        .hasValue(
            "recipient is not an E.164 phone number (+, then 8 to 15 digits, the first not 0)");
  }

  @Test
  void an_email_keeps_its_first_letter_and_domain_only() {
    assertThat(Recipients.maskEmail("ada@example.com")).isEqualTo("a***@example.com");
    assertThat(Recipients.maskEmail("not-an-address")).isEqualTo("***");
  }

  @Test
  void a_phone_keeps_its_last_four_digits_only() {
    assertThat(Recipients.maskPhone("+15005550006")).isEqualTo("+*******0006");
    assertThat(Recipients.maskPhone("123")).isEqualTo("***");
  }
}
