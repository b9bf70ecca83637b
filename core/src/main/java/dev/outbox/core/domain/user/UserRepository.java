package dev.outbox.core.domain.user;

import java.util.Optional;

/**
 * Port: where users live. Must be called inside a unit of work (the application's Transactions
 * port); {@link #save} writes the user and one outbox row per pulled event in that same unit.
 */
public interface UserRepository {

  Optional<User> find(UserId id);

  /** Like {@link #find}, but holds the user against concurrent changes until the unit ends. */
  Optional<User> findForUpdate(UserId id);

  boolean existsByEmail(Email email);

  /**
   * Writes the user and the outbox rows of its pending events, then clears them. The user is new or
   * was loaded in the same unit of work.
   *
   * @throws EmailAlreadyRegistered when another user already has this email (also when that user
   *     was registered concurrently and committed first)
   */
  void save(User user);

  /**
   * @throws UserNotFound when there is no such user
   */
  default User get(UserId id) {
    return find(id).orElseThrow(() -> new UserNotFound(id));
  }

  /**
   * @throws UserNotFound when there is no such user
   */
  default User getForUpdate(UserId id) {
    return findForUpdate(id).orElseThrow(() -> new UserNotFound(id));
  }
}
