package dev.outbox.notifier.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecipientsTest {

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
