package dev.outbox.core.domain.order;

import dev.outbox.core.domain.TimeOrderedIds;
import java.util.Objects;
import java.util.UUID;

/** Identity of an {@link Order}: a UUIDv7. */
public record OrderId(UUID value) {

  public OrderId {
    Objects.requireNonNull(value, "order id is required");
  }

  public static OrderId generate() {
    return new OrderId(TimeOrderedIds.next());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
