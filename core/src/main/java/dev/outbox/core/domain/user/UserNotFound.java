package dev.outbox.core.domain.user;

import dev.outbox.core.domain.DomainException;

/** No user has this id. */
public final class UserNotFound extends DomainException {

  private final UserId userId;

  public UserNotFound(UserId userId) {
    super("User " + userId + " not found");
    this.userId = userId;
  }

  public UserId userId() {
    return userId;
  }
}
