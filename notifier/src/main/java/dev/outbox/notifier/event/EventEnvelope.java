package dev.outbox.notifier.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One domain event as docs/events.md puts it on the exchange. The notifier owns this copy of the
 * contract: it shares no code with the producer. Payload fields are read with the typed accessors,
 * which throw {@link MalformedEvent} when a required field is missing.
 */
public record EventEnvelope(
    UUID id,
    String type,
    String aggregateType,
    UUID aggregateId,
    Instant occurredAt,
    JsonNode payload) {

  public EventEnvelope {
    Objects.requireNonNull(id, "id is required");
    Objects.requireNonNull(type, "type is required");
    Objects.requireNonNull(payload, "payload is required");
  }

  /** A required text field of the payload. */
  public String text(String field) {
    JsonNode node = payload.get(field);
    if (node == null || node.isNull() || !node.isValueNode() || node.asText().isBlank()) {
      throw new MalformedEvent(type + " event " + id + " lacks payload field " + field);
    }
    return node.asText();
  }

  /** An optional text field of the payload: null when absent, null or blank. */
  public String optionalText(String field) {
    JsonNode node = payload.get(field);
    return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText();
  }

  /** A required decimal field, written as a string per the contract (numbers are accepted). */
  public BigDecimal decimal(String field) {
    String value = text(field);
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new MalformedEvent(type + " event " + id + " has a non-decimal " + field, e);
    }
  }

  /** A required array field. */
  public JsonNode array(String field) {
    JsonNode node = payload.get(field);
    if (node == null || !node.isArray()) {
      throw new MalformedEvent(type + " event " + id + " lacks array field " + field);
    }
    return node;
  }
}
