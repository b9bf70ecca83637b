package dev.outbox.core.domain.user;

import dev.outbox.core.domain.InvalidValue;
import dev.outbox.core.domain.TimeOrderedIds;
import java.util.Objects;
import java.util.UUID;

/** Identity of a {@link User}: a UUIDv7. */
public record UserId(UUID value) {

  public UserId {
    Objects.requireNonNull(value, "user id is required");
  }

  /**
   * Parses the text form of a UUID.
   *
   * @throws InvalidValue (field {@code user_id}) when it is not a UUID
   */
  public static UserId parse(String value) {
    String text = value == null ? "" : value.strip();
    try {
      // UUID.fromString also takes short forms such as "1-1-1-1-1"; only the canonical one counts.
      if (text.length() != 36) {
        throw new IllegalArgumentException("not 36 characters");
      }
      return new UserId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidValue("user_id", "must be a UUID", e);
    }
  }

  public static UserId generate() {
    return new UserId(TimeOrderedIds.next());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
