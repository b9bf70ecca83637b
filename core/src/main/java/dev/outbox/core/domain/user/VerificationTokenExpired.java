package dev.outbox.core.domain.user;

import dev.outbox.core.domain.DomainException;
import java.time.Instant;

/** The email verification token is authentic but its expiry has passed; a new one is needed. */
public final class VerificationTokenExpired extends DomainException {

  private final UserId userId;

  public VerificationTokenExpired(UserId userId, Instant expiredAt) {
    super("Email verification token for user " + userId + " expired at " + expiredAt);
    this.userId = userId;
  }

  public UserId userId() {
    return userId;
  }
}
