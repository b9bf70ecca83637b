package dev.outbox.core.application;

import dev.outbox.core.domain.user.User;
import dev.outbox.core.domain.user.UserRepository;
import java.time.Clock;

/**
 * Marks a user's email verified when the token checks out; {@code user.email_verified} goes to the
 * outbox the first time only, so repeating the request raises nothing.
 */
public final class VerifyEmail {

  private final UserRepository users;
  private final Transactions transactions;
  private final EmailVerificationTokens tokens;
  private final Clock clock;

  public VerifyEmail(
      UserRepository users,
      Transactions transactions,
      EmailVerificationTokens tokens,
      Clock clock) {
    this.users = users;
    this.transactions = transactions;
    this.tokens = tokens;
    this.clock = clock;
  }

  /**
   * @throws dev.outbox.core.domain.user.UserNotFound when there is no such user
   * @throws dev.outbox.core.domain.user.InvalidVerificationToken when the token is not this user's
   * @throws dev.outbox.core.domain.user.VerificationTokenExpired when the token expired
   */
  public User execute(VerifyEmailCommand command) {
    return transactions.inTransaction(
        () -> {
          User user = users.getForUpdate(command.userId());
          tokens.verify(user.id(), user.email(), command.token());
          user.verifyEmail(clock.instant());
          users.save(user);
          return user;
        });
  }
}
