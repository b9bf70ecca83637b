package dev.outbox.notifier.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outbox.json.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Reads the AMQP message body of docs/events.md into an {@link EventEnvelope}. */
public final class EventEnvelopeParser {

  private final ObjectMapper mapper = Json.mapper();

  /**
   * Parses one message body.
   *
   * @throws MalformedEvent when the body is not JSON or an envelope field is missing or mistyped
   */
  public EventEnvelope parse(byte[] body) {
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw new MalformedEvent("body is not JSON: " + e.getOriginalMessage(), e);
    } catch (java.io.IOException e) {
      throw new MalformedEvent("body is unreadable", e);
    }
    if (root == null || !root.isObject()) {
      throw new MalformedEvent("body is not a JSON object");
    }
    JsonNode payload = root.get("payload");
    if (payload == null || !payload.isObject()) {
      throw new MalformedEvent("envelope lacks an object field payload");
    }
    return new EventEnvelope(
        uuid(root, "id"),
        text(root, "type"),
        text(root, "aggregate_type"),
        uuid(root, "aggregate_id"),
        instant(root, "occurred_at"),
        payload);
  }

  private static String text(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw new MalformedEvent("envelope lacks a text field " + field);
    }
    return node.asText();
  }

  private static UUID uuid(JsonNode root, String field) {
    String value = text(root, field);
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new MalformedEvent("envelope field " + field + " is not a UUID: " + value, e);
    }
  }

  private static Instant instant(JsonNode root, String field) {
    String value = text(root, field);
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new MalformedEvent("envelope field " + field + " is not ISO-8601: " + value, e);
    }
  }
}
