package dev.outbox.core.persistence;

import dev.outbox.core.domain.user.Email;
import dev.outbox.core.domain.user.EmailAlreadyRegistered;
import dev.outbox.core.domain.user.User;
import dev.outbox.core.domain.user.UserId;
import dev.outbox.core.domain.user.UserRepository;
import jakarta.persistence.LockModeType;
import java.util.Optional;

final class HibernateUserRepository implements UserRepository {

  /** The unique index of V2__create_users.sql. */
  static final String UNIQUE_EMAIL = "uq_users_email";

  private final HibernateAggregateStore store;

  HibernateUserRepository(HibernateAggregateStore store) {
    this.store = store;
  }

  @Override
  public Optional<User> find(UserId id) {
    return Optional.ofNullable(store.session().find(User.class, id.value()));
  }

  @Override
  public Optional<User> findForUpdate(UserId id) {
    return Optional.ofNullable(
        store.session().find(User.class, id.value(), LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public boolean existsByEmail(Email email) {
    return !store
        .session()
        .createSelectionQuery("select u.id from User u where u.email = :email", Object.class)
        .setParameter("email", email.value())
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public void save(User user) {
    try {
      store.save(user);
    } catch (RuntimeException e) {
      // A concurrent registration that committed first makes our INSERT hit the unique index.
      if (ConstraintViolations.violated(e, UNIQUE_EMAIL)) {
        throw new EmailAlreadyRegistered(user.email(), e);
      }
      throw e;
    }
  }
}
