package dev.outbox.core.domain.user;

import dev.outbox.core.domain.TimeOrderedIds;
import java.util.Objects;
import java.util.UUID;

/** Identity of a {@link User}: a UUIDv7. */
public record UserId(UUID value) {

  public UserId {
    Objects.requireNonNull(value, "user id is required");
  }

  public static UserId generate() {
    return new UserId(TimeOrderedIds.next());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
