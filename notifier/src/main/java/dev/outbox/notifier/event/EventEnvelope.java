package dev.outbox.notifier.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One domain event as docs/events.md puts it on the exchange, read by {@link EventEnvelopeParser}.
 * The notifier owns this copy of the contract: it shares no code with the producer. The payload is
 * the record of the event's type, every field already checked for its type.
 */
public record EventEnvelope(
    UUID id,
    String type,
    String aggregateType,
    UUID aggregateId,
    Instant occurredAt,
    EventPayload payload) {

  public EventEnvelope {
    Objects.requireNonNull(id, "id is required");
    Objects.requireNonNull(type, "type is required");
    Objects.requireNonNull(payload, "payload is required");
  }

  /**
   * The payload as the record of {@code type}, for a handler that reacts to that event type only.
   *
   * @throws IllegalStateException when the event is of another type: a handler bound to the wrong
   *     routing key, a bug rather than a bad message
   */
  public <T extends EventPayload> T payload(Class<T> type) {
    if (!type.isInstance(payload)) {
      throw new IllegalStateException(
          "event " + id + " of type " + this.type + " has no " + type.getSimpleName() + " payload");
    }
    return type.cast(payload);
  }
}
