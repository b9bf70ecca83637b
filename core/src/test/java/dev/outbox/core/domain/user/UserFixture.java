package dev.outbox.core.domain.user;

import java.time.Instant;

/** Users for tests, as static factories. */
public final class UserFixture {

  public static final Instant REGISTERED_AT = Instant.parse("2026-11-27T04:20:00Z");

  private UserFixture() {}

  /** Ada, with a phone, email not yet verified, events already pulled. */
  public static User aUser() {
    User user =
        User.register(
            UserId.generate(),
            new Email("ada@example.com"),
            new PhoneNumber("+4915112345678"),
            REGISTERED_AT);
    user.pullEvents();
    return user;
  }

  public static User aUserWithoutPhone() {
    User user =
        User.register(UserId.generate(), new Email("grace@example.com"), null, REGISTERED_AT);
    user.pullEvents();
    return user;
  }
}
