package dev.outbox.notifier.store;

import java.util.Objects;
import java.util.UUID;

/** What is about to be sent, as the delivery log records it. */
public record NewDelivery(
    UUID eventId,
    String handler,
    String eventType,
    Channel channel,
    String recipient,
    String template,
    String provider) {

  /** The kind of message a delivery sends. */
  public enum Channel {
    EMAIL,
    SMS
  }

  public NewDelivery {
    Objects.requireNonNull(eventId, "eventId is required");
    Objects.requireNonNull(handler, "handler is required");
    Objects.requireNonNull(recipient, "recipient is required");
  }
}
