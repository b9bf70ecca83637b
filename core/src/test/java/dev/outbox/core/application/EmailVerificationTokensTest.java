package dev.outbox.core.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.core.domain.user.Email;
import dev.outbox.core.domain.user.InvalidVerificationToken;
import dev.outbox.core.domain.user.UserId;
import dev.outbox.core.domain.user.VerificationTokenExpired;
import dev.outbox.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailVerificationTokensTest {

  static final UserId USER = new UserId(UUID.fromString("0190a5c8-0000-7000-8000-000000000001"));
  static final Email EMAIL = new Email("ada@example.com");

  static final Instant NOW = Instant.parse("2026-11-27T04:20:00Z");
  static final Instant TOMORROW = NOW.plus(Duration.ofDays(1));

  final MutableClock clock = new MutableClock(NOW);
  final EmailVerificationTokens tokens = new EmailVerificationTokens("test-secret", clock);

  @Test
  void reproduces_the_test_vector_of_docs_events_md() {
    assertThat(tokens.issue(USER, EMAIL, Instant.ofEpochSecond(1_900_000_000L)))
        .isEqualTo("1900000000.YVmBZdLXOiPnw-5JoTbnamkmow6SjG3yXlAs99vwwRQ");
  }

  @Test
  void accepts_the_test_vector_before_its_expiry() {
    assertThatCode(
            () ->
                tokens.verify(
                    USER, EMAIL, "1900000000.YVmBZdLXOiPnw-5JoTbnamkmow6SjG3yXlAs99vwwRQ"))
        .doesNotThrowAnyException();
  }

  @Test
  void a_token_is_valid_until_the_expiry_it_carries() {
    Instant expiry = clock.instant().plus(Duration.ofHours(48));
    String token = tokens.issue(USER, EMAIL, expiry);

    assertThat(token).startsWith(expiry.getEpochSecond() + ".");
    clock.advance(Duration.ofHours(48).minusSeconds(1));
    assertThatCode(() -> tokens.verify(USER, EMAIL, token)).doesNotThrowAnyException();
    clock.advance(Duration.ofSeconds(1));
    assertThatThrownBy(() -> tokens.verify(USER, EMAIL, token))
        .isInstanceOf(VerificationTokenExpired.class)
        .hasMessageContaining(USER.toString());
  }

  @Test
  void a_token_of_another_user_or_email_is_invalid() {
    String token = tokens.issue(USER, EMAIL, TOMORROW);

    assertThatThrownBy(() -> tokens.verify(UserId.generate(), EMAIL, token))
        .isInstanceOf(InvalidVerificationToken.class);
    assertThatThrownBy(() -> tokens.verify(USER, new Email("eve@example.com"), token))
        .isInstanceOf(InvalidVerificationToken.class)
        .hasMessageContaining(USER.toString());
  }

  @Test
  void a_token_signed_with_another_secret_is_invalid() {
    String forged = new EmailVerificationTokens("other-secret", clock).issue(USER, EMAIL, TOMORROW);

    assertThatThrownBy(() -> tokens.verify(USER, EMAIL, forged))
        .isInstanceOf(InvalidVerificationToken.class);
  }

  @Test
  void a_token_with_a_pushed_back_expiry_is_invalid() {
    String token = tokens.issue(USER, EMAIL, TOMORROW);
    String signature = token.substring(token.indexOf('.'));

    assertThatThrownBy(() -> tokens.verify(USER, EMAIL, "1999999999" + signature))
        .isInstanceOf(InvalidVerificationToken.class);
  }

  @Test
  void an_expired_token_that_is_also_forged_is_reported_invalid_not_expired() {
    clock.advance(Duration.ofDays(365 * 20));

    assertThatThrownBy(() -> tokens.verify(USER, EMAIL, "1900000000.AAAA"))
        .isInstanceOf(InvalidVerificationToken.class);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "1900000000",
        ".YVmBZdLXOiPnw-5JoTbnamkmow6SjG3yXlAs99vwwRQ",
        "abc.YVmBZdLXOiPnw-5JoTbnamkmow6SjG3yXlAs99vwwRQ",
        "1900000000.not base64!",
        "99999999999999999999999.YVmB"
      })
  void a_malformed_token_is_invalid(String token) {
    assertThatThrownBy(() -> tokens.verify(USER, EMAIL, token))
        .isInstanceOf(InvalidVerificationToken.class);
  }

  @Test
  void the_secret_is_required_and_never_printed() {
    assertThatThrownBy(() -> new EmailVerificationTokens("", clock))
        .hasMessageContaining("EMAIL_VERIFICATION_SECRET");
    assertThat(tokens.toString()).doesNotContain("test-secret");
  }
}
