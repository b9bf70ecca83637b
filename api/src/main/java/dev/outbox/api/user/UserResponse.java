package dev.outbox.api.user;

import dev.outbox.core.domain.user.PhoneNumber;
import dev.outbox.core.domain.user.User;
import java.time.Instant;
import java.util.UUID;

/** A user as the api shows it; {@code phone} and {@code email_verified_at} may be null. */
record UserResponse(
    UUID id,
    String email,
    String phone,
    boolean emailVerified,
    Instant emailVerifiedAt,
    Instant createdAt) {

  static UserResponse of(User user) {
    return new UserResponse(
        user.id().value(),
        user.email().value(),
        user.phone().map(PhoneNumber::value).orElse(null),
        user.emailVerified(),
        user.emailVerifiedAt().orElse(null),
        user.createdAt());
  }
}
