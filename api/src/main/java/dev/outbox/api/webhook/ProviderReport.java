package dev.outbox.api.webhook;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One status report of a provider about one message, read from its callback.
 *
 * @param eventKey the provider's identity of this report, unique per provider: a report delivered
 *     twice has the same key
 * @param eventId the event id the notifier handed the provider, when the report carries it
 * @param handler the notification rule the notifier handed the provider, when carried
 * @param providerMessageId Twilio's MessageSid, SendGrid's sg_message_id
 * @param rawStatus the provider's own word for the status, kept in the history
 */
record ProviderReport(
    String provider,
    String eventKey,
    Optional<UUID> eventId,
    Optional<String> handler,
    String providerMessageId,
    ProviderStatus status,
    String rawStatus,
    Optional<String> errorCode,
    Instant occurredAt) {

  ProviderReport {
    Objects.requireNonNull(provider, "provider is required");
    Objects.requireNonNull(eventKey, "eventKey is required");
    Objects.requireNonNull(status, "status is required");
    Objects.requireNonNull(rawStatus, "rawStatus is required");
    Objects.requireNonNull(occurredAt, "occurredAt is required");
  }

  /** {@code id} as a UUID, or empty when absent or not one (the report is then matched by id). */
  static Optional<UUID> uuid(String id) {
    if (id == null || id.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(id.trim()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static Optional<String> text(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
