package dev.outbox.core.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.core.domain.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

  @Test
  void an_email_is_stored_lower_cased_and_stripped() {
    assertThat(new Email("  Ada.Lovelace+News@Example.ORG ").value())
        .isEqualTo("ada.lovelace+news@example.org");
  }

  @Test
  void an_email_of_254_characters_is_accepted() {
    String domain = "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + ".example.org";
    String local = "x".repeat(254 - 1 - domain.length());

    assertThat(new Email(local + "@" + domain).value()).hasSize(254);
  }

  @Test
  void an_email_longer_than_254_characters_is_refused() {
    String domain = "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + ".example.org";
    String local = "x".repeat(255 - 1 - domain.length());

    assertThatThrownBy(() -> new Email(local + "@" + domain))
        .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("email"))
        .hasMessageContaining("254");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "ada",
        "ada@",
        "@example.com",
        "ada@example",
        "ada@@example.com",
        "a..b@example.com",
        ".ada@example.com",
        "ada@-example.com",
        "ada lovelace@example.com",
        "ada@exa mple.com",
        "ada@localhost",
        "ada..l@example.com",
        "ada @example.com",
        "ada@exa_mple.com",
        "ädä@example.com",
        "x'; drop table users;--@example.com",
        "ada@example.c",
        "ada@example.123"
      })
  void a_malformed_email_is_refused(String value) {
    assertThatThrownBy(() -> new Email(value)).isInstanceOf(InvalidValue.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ada@example.com",
        "Ada.Lovelace+orders@mail.example.co.uk",
        "o'brien@example.ie",
        "x_y-z@sub-domain.example.org"
      })
  void a_well_formed_email_is_accepted(String value) {
    assertThat(new Email(value).value()).isEqualTo(value.toLowerCase(java.util.Locale.ROOT));
  }

  @Test
  void the_reason_tells_the_client_what_an_email_looks_like() {
    assertThatThrownBy(() -> new Email("ada.example.com"))
        .isInstanceOfSatisfying(
            InvalidValue.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo("must be an email address such as ada@example.com"));
  }

  @Test
  void a_local_part_longer_than_64_characters_is_refused() {
    assertThatThrownBy(() -> new Email("x".repeat(65) + "@example.com"))
        .isInstanceOf(InvalidValue.class);
  }

  @Test
  void a_missing_email_is_refused() {
    assertThatThrownBy(() -> new Email(null))
        .isInstanceOf(InvalidValue.class)
        .hasMessage("email: is required");
  }
}
