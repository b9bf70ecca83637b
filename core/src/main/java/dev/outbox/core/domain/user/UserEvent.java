package dev.outbox.core.domain.user;

import dev.outbox.core.domain.DomainEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Events raised by a {@link User}; aggregate type {@code user}. Payloads as in docs/events.md. */
public sealed interface UserEvent extends DomainEvent {

  String AGGREGATE_TYPE = "user";

  UserId userId();

  @Override
  default UUID aggregateId() {
    return userId().value();
  }

  @Override
  default String aggregateType() {
    return AGGREGATE_TYPE;
  }

  /** {@code user.created}: a user registered; the notifier sends the welcome email. */
  record UserCreated(
      UUID eventId, Instant occurredAt, UserId userId, Email email, PhoneNumber phone)
      implements UserEvent {

    public static final String TYPE = "user.created";

    public UserCreated {
      Objects.requireNonNull(eventId, "eventId is required");
      Objects.requireNonNull(occurredAt, "occurredAt is required");
      Objects.requireNonNull(userId, "userId is required");
      Objects.requireNonNull(email, "email is required");
    }

    @Override
    public String eventType() {
      return TYPE;
    }

    @Override
    public Payload payload() {
      return new Payload(userId.value(), email.value(), phone == null ? null : phone.value());
    }

    /** {@code {"user_id","email","phone"}}, phone null when the user gave none. */
    public record Payload(UUID userId, String email, String phone) {}
  }

  /** {@code user.email_verified}: the user proved they read the welcome email. Raised once. */
  record UserEmailVerified(UUID eventId, Instant occurredAt, UserId userId, Email email)
      implements UserEvent {

    public static final String TYPE = "user.email_verified";

    public UserEmailVerified {
      Objects.requireNonNull(eventId, "eventId is required");
      Objects.requireNonNull(occurredAt, "occurredAt is required");
      Objects.requireNonNull(userId, "userId is required");
      Objects.requireNonNull(email, "email is required");
    }

    @Override
    public String eventType() {
      return TYPE;
    }

    @Override
    public Payload payload() {
      return new Payload(userId.value(), email.value());
    }

    /** {@code {"user_id","email"}}. */
    public record Payload(UUID userId, String email) {}
  }
}
