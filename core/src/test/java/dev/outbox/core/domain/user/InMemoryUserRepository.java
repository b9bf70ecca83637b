package dev.outbox.core.domain.user;

import dev.outbox.core.domain.InMemoryOutbox;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Test double of {@link UserRepository}: a map, with the unique-email rule of the real one. */
public final class InMemoryUserRepository implements UserRepository {

  private final Map<UserId, User> users = new LinkedHashMap<>();
  private final InMemoryOutbox outbox;

  public InMemoryUserRepository(InMemoryOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public Optional<User> find(UserId id) {
    return Optional.ofNullable(users.get(id));
  }

  @Override
  public Optional<User> findForUpdate(UserId id) {
    return find(id);
  }

  @Override
  public boolean existsByEmail(Email email) {
    return users.values().stream().anyMatch(u -> u.email().equals(email));
  }

  @Override
  public void save(User user) {
    boolean taken =
        users.values().stream()
            .anyMatch(u -> u.email().equals(user.email()) && !u.id().equals(user.id()));
    if (taken) {
      throw new EmailAlreadyRegistered(user.email());
    }
    users.put(user.id(), user);
    outbox.append(user);
  }
}
