package dev.outbox.core.domain.order;

import dev.outbox.core.domain.InvalidValue;
import dev.outbox.core.domain.TimeOrderedIds;
import java.util.Objects;
import java.util.UUID;

/** Identity of an {@link Order}: a UUIDv7. */
public record OrderId(UUID value) {

  public OrderId {
    Objects.requireNonNull(value, "order id is required");
  }

  /**
   * Parses the text form of a UUID.
   *
   * @throws InvalidValue (field {@code order_id}) when it is not a UUID
   */
  public static OrderId parse(String value) {
    String text = value == null ? "" : value.strip();
    try {
      // UUID.fromString also takes short forms such as "1-1-1-1-1"; only the canonical one counts.
      if (text.length() != 36) {
        throw new IllegalArgumentException("not 36 characters");
      }
      return new OrderId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidValue("order_id", "must be a UUID", e);
    }
  }

  public static OrderId generate() {
    return new OrderId(TimeOrderedIds.next());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
