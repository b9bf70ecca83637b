package dev.outbox.core.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.core.domain.user.UserEvent.UserCreated;
import dev.outbox.core.domain.user.UserEvent.UserEmailVerified;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserTest {

  static final Instant NOW = Instant.parse("2026-11-27T04:20:00Z");

  @Test
  void registering_raises_user_created_with_email_and_phone() {
    UserId id = UserId.generate();

    User user =
        User.register(id, new Email("Ada@Example.COM"), new PhoneNumber("+4915112345678"), NOW);

    assertThat(user.email().value()).isEqualTo("ada@example.com");
    assertThat(user.emailVerified()).isFalse();
    assertThat(user.createdAt()).isEqualTo(NOW);
    assertThat(user.pendingEvents())
        .singleElement()
        .isInstanceOfSatisfying(
            UserCreated.class,
            e -> {
              assertThat(e.userId()).isEqualTo(id);
              assertThat(e.aggregateId()).isEqualTo(id.value());
              assertThat(e.aggregateType()).isEqualTo("user");
              assertThat(e.eventType()).isEqualTo("user.created");
              assertThat(e.occurredAt()).isEqualTo(NOW);
              assertThat(e.eventId().version()).isEqualTo(7);
              assertThat(e.payload())
                  .isEqualTo(
                      new UserCreated.Payload(id.value(), "ada@example.com", "+4915112345678"));
            });
  }

  @Test
  void registering_without_phone_leaves_the_phone_empty_and_null_in_the_payload() {
    User user = UserFixture.aUserWithoutPhone();

    assertThat(user.phone()).isEmpty();
    User fresh = User.register(UserId.generate(), new Email("x@example.com"), null, NOW);
    assertThat(((UserCreated) fresh.pendingEvents().get(0)).payload().phone()).isNull();
  }

  @Test
  void registering_requires_an_id_an_email_and_a_time() {
    assertThatThrownBy(() -> User.register(null, new Email("a@example.com"), null, NOW))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> User.register(UserId.generate(), null, null, NOW))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () -> User.register(UserId.generate(), new Email("a@example.com"), null, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void verifying_the_email_marks_it_verified_and_raises_user_email_verified() {
    User user = UserFixture.aUser();
    Instant later = NOW.plusSeconds(60);

    user.verifyEmail(later);

    assertThat(user.emailVerified()).isTrue();
    assertThat(user.emailVerifiedAt()).contains(later);
    assertThat(user.pullEvents())
        .singleElement()
        .isInstanceOfSatisfying(
            UserEmailVerified.class,
            e -> {
              assertThat(e.eventType()).isEqualTo("user.email_verified");
              assertThat(e.payload())
                  .isEqualTo(new UserEmailVerified.Payload(user.id().value(), "ada@example.com"));
            });
  }

  @Test
  void verifying_twice_raises_nothing_the_second_time() {
    User user = UserFixture.aUser();
    user.verifyEmail(NOW);
    user.pullEvents();

    user.verifyEmail(NOW.plusSeconds(5));

    assertThat(user.pendingEvents()).isEmpty();
    assertThat(user.emailVerifiedAt()).contains(NOW);
  }

  @Test
  void pulling_events_hands_them_over_once() {
    User user = User.register(UserId.generate(), new Email("a@example.com"), null, NOW);

    assertThat(user.pullEvents()).hasSize(1);
    assertThat(user.pullEvents()).isEmpty();
  }
}
