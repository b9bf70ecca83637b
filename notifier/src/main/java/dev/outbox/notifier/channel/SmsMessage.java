package dev.outbox.notifier.channel;

import java.util.Objects;
import java.util.UUID;

/**
 * One rendered SMS; {@code to} is E.164. {@code eventId} goes to the provider for reconciliation.
 */
public record SmsMessage(UUID eventId, String to, String body) {

  public SmsMessage {
    Objects.requireNonNull(eventId, "eventId is required");
    Objects.requireNonNull(to, "to is required");
    Objects.requireNonNull(body, "body is required");
  }
}
