package dev.outbox.core.domain.order;

import dev.outbox.core.domain.TimeOrderedIds;
import java.util.Objects;
import java.util.UUID;

/** Identity of a {@link Payment}: a UUIDv7. */
public record PaymentId(UUID value) {

  public PaymentId {
    Objects.requireNonNull(value, "payment id is required");
  }

  public static PaymentId generate() {
    return new PaymentId(TimeOrderedIds.next());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
