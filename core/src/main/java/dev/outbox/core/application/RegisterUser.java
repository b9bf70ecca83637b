package dev.outbox.core.application;

import dev.outbox.core.domain.user.Email;
import dev.outbox.core.domain.user.EmailAlreadyRegistered;
import dev.outbox.core.domain.user.PhoneNumber;
import dev.outbox.core.domain.user.User;
import dev.outbox.core.domain.user.UserId;
import dev.outbox.core.domain.user.UserRepository;
import java.time.Clock;

/** Registers a user; the outbox gets {@code user.created} in the same transaction. */
public final class RegisterUser {

  private final UserRepository users;
  private final Transactions transactions;
  private final Clock clock;

  public RegisterUser(UserRepository users, Transactions transactions, Clock clock) {
    this.users = users;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * @throws dev.outbox.core.domain.InvalidValue when the email or phone is invalid
   * @throws EmailAlreadyRegistered when the email is taken, also by a concurrent registration
   */
  public User execute(RegisterUserCommand command) {
    Email email = new Email(command.email());
    PhoneNumber phone = PhoneNumber.ofNullable(command.phone());
    return transactions.inTransaction(
        () -> {
          // The unique index decides under concurrency; this check only gives the common case a
          // clean answer without a failed INSERT.
          if (users.existsByEmail(email)) {
            throw new EmailAlreadyRegistered(email);
          }
          User user = User.register(UserId.generate(), email, phone, clock.instant());
          users.save(user);
          return user;
        });
  }
}
