package dev.outbox.core.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.core.domain.user.InvalidVerificationToken;
import dev.outbox.core.domain.user.User;
import dev.outbox.core.domain.user.UserId;
import dev.outbox.core.domain.user.UserNotFound;
import dev.outbox.core.domain.user.VerificationTokenExpired;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VerifyEmailTest {

  final InMemoryCore core = new InMemoryCore();
  final User ada =
      core.useCases.registerUser().execute(new RegisterUserCommand("ada@example.com", null));

  @Test
  void a_valid_token_verifies_the_email_once() {
    String token = core.tokenFor(ada.id());

    User verified = core.useCases.verifyEmail().execute(new VerifyEmailCommand(ada.id(), token));
    core.useCases.verifyEmail().execute(new VerifyEmailCommand(ada.id(), token));

    assertThat(verified.emailVerified()).isTrue();
    assertThat(core.outbox.eventTypes()).containsExactly("user.created", "user.email_verified");
  }

  @Test
  void a_wrong_token_verifies_nothing() {
    String othersToken = core.tokens.issue(UserId.generate(), ada.email(), core.tomorrow());

    assertThatThrownBy(
            () ->
                core.useCases.verifyEmail().execute(new VerifyEmailCommand(ada.id(), othersToken)))
        .isInstanceOf(InvalidVerificationToken.class);
    assertThat(ada.emailVerified()).isFalse();
    assertThat(core.outbox.eventTypes()).containsExactly("user.created");
  }

  @Test
  void an_expired_token_is_refused_with_its_own_exception() {
    String token = core.tokenFor(ada.id());
    core.clock.advance(Duration.ofHours(49));

    assertThatThrownBy(
            () -> core.useCases.verifyEmail().execute(new VerifyEmailCommand(ada.id(), token)))
        .isInstanceOf(VerificationTokenExpired.class);
    assertThat(ada.emailVerified()).isFalse();
  }

  @Test
  void verifying_an_unknown_user_is_refused() {
    UserId nobody = UserId.generate();

    assertThatThrownBy(
            () -> core.useCases.verifyEmail().execute(new VerifyEmailCommand(nobody, "1.AAAA")))
        .isInstanceOf(UserNotFound.class)
        .hasMessageContaining(nobody.toString());
  }
}
