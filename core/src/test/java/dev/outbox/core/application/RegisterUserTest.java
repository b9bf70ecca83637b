package dev.outbox.core.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.core.domain.InvalidValue;
import dev.outbox.core.domain.user.EmailAlreadyRegistered;
import dev.outbox.core.domain.user.User;
import org.junit.jupiter.api.Test;

class RegisterUserTest {

  final InMemoryCore core = new InMemoryCore();

  @Test
  void registering_saves_the_user_and_records_user_created_in_one_transaction() {
    User user =
        core.useCases.registerUser().execute(new RegisterUserCommand("Ada@Example.com", " "));

    assertThat(core.users.find(user.id())).contains(user);
    assertThat(user.phone()).isEmpty();
    assertThat(user.createdAt()).isEqualTo(core.clock.instant());
    assertThat(core.outbox.eventTypes()).containsExactly("user.created");
    assertThat(core.transactions.committed()).isEqualTo(1);
  }

  @Test
  void registering_a_taken_email_is_refused_without_an_event() {
    core.useCases.registerUser().execute(new RegisterUserCommand("ada@example.com", null));

    assertThatThrownBy(
            () ->
                core.useCases
                    .registerUser()
                    .execute(new RegisterUserCommand("ADA@example.com", "+4915112345678")))
        .isInstanceOf(EmailAlreadyRegistered.class)
        .hasMessageContaining("ada@example.com");
    assertThat(core.outbox.eventTypes()).containsExactly("user.created");
  }

  @Test
  void an_invalid_email_or_phone_is_refused_before_any_transaction() {
    assertThatThrownBy(
            () -> core.useCases.registerUser().execute(new RegisterUserCommand("nope", null)))
        .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("email"));
    assertThatThrownBy(
            () ->
                core.useCases
                    .registerUser()
                    .execute(new RegisterUserCommand("ada@example.com", "0151")))
        .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("phone"));
    assertThat(core.transactions.committed() + core.transactions.rolledBack()).isZero();
  }
}
