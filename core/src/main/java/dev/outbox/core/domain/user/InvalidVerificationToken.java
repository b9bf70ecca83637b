package dev.outbox.core.domain.user;

import dev.outbox.core.domain.DomainException;

/** The email verification token is malformed or was not issued for this user and email. */
public final class InvalidVerificationToken extends DomainException {

  private final UserId userId;

  public InvalidVerificationToken(UserId userId) {
    super("Invalid email verification token for user " + userId);
    this.userId = userId;
  }

  public UserId userId() {
    return userId;
  }
}
