package dev.outbox.notifier.channel;

import java.util.Objects;
import java.util.UUID;

/**
 * One rendered SMS; {@code to} is E.164. {@code eventId} and {@code handler} (the rule's name) go
 * to the provider, so that its status reports name the delivery they are about.
 */
public record SmsMessage(UUID eventId, String handler, String to, String body) {

  public SmsMessage {
    Objects.requireNonNull(eventId, "eventId is required");
    Objects.requireNonNull(handler, "handler is required");
    Objects.requireNonNull(to, "to is required");
    Objects.requireNonNull(body, "body is required");
  }
}
