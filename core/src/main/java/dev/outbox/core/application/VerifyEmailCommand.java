package dev.outbox.core.application;

import dev.outbox.core.domain.user.UserId;
import java.util.Objects;

/** Verify this user's email with the token from the welcome email's link. */
public record VerifyEmailCommand(UserId userId, String token) {

  public VerifyEmailCommand {
    Objects.requireNonNull(userId, "userId is required");
  }
}
