package dev.outbox.core.application;

import dev.outbox.core.domain.user.User;
import dev.outbox.core.domain.user.UserId;
import dev.outbox.core.domain.user.UserRepository;

/** Reads one user. */
public final class GetUser {

  private final UserRepository users;
  private final Transactions transactions;

  public GetUser(UserRepository users, Transactions transactions) {
    this.users = users;
    this.transactions = transactions;
  }

  /**
   * @throws dev.outbox.core.domain.user.UserNotFound when there is no such user
   */
  public User execute(UserId id) {
    return transactions.inTransaction(() -> users.get(id));
  }
}
