package dev.outbox.notifier.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outbox.json.Json;
import dev.outbox.notifier.event.EventPayload.OrderPlaced;
import dev.outbox.notifier.event.EventPayload.PaymentReceived;
import dev.outbox.notifier.event.EventPayload.UserCreated;
import dev.outbox.notifier.event.EventPayload.UserEmailVerified;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/**
 * Reads the AMQP message body of docs/events.md into an {@link EventEnvelope}: the envelope and the
 * payload of its type, strictly typed ({@link JsonFields}). Unknown fields are ignored, so the
 * producer may add some; unknown event types are not, since no handler could read them.
 */
public final class EventEnvelopeParser {

  private final ObjectMapper mapper = Json.mapper();

  /**
   * Parses one message body.
   *
   * @throws MalformedEvent when the body is not JSON, its event type is unknown, or a field of the
   *     envelope or the payload is missing or of the wrong type; the message names the field and
   *     the type it must have
   */
  public EventEnvelope parse(byte[] body) {
    JsonNode root = tree(body);
    JsonFields envelope = JsonFields.of(root, "envelope field ");
    UUID id = envelope.uuid("id");
    String type = envelope.text("type");
    String aggregateType = envelope.text("aggregate_type");
    UUID aggregateId = envelope.uuid("aggregate_id");
    Instant occurredAt = envelope.instant("occurred_at");
    JsonNode payload = envelope.object("payload");
    EventPayload typed =
        payload(type, JsonFields.of(payload, type + " event " + id + ": payload field "));
    if (!typed.aggregateType().equals(aggregateType)) {
      throw new MalformedEvent(
          "envelope field aggregate_type must be \""
              + typed.aggregateType()
              + "\" for "
              + type
              + ", but is the string "
              + JsonFields.quote(aggregateType));
    }
    return new EventEnvelope(id, type, aggregateType, aggregateId, occurredAt, typed);
  }

  private JsonNode tree(byte[] body) {
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw new MalformedEvent("body is not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new MalformedEvent("body is unreadable", e);
    }
    if (root == null || !root.isObject()) {
      throw new MalformedEvent("body is not a JSON object");
    }
    return root;
  }

  private static EventPayload payload(String type, JsonFields fields) {
    return switch (type) {
      case UserCreated.TYPE -> UserCreated.read(fields);
      case UserEmailVerified.TYPE -> UserEmailVerified.read(fields);
      case OrderPlaced.TYPE -> OrderPlaced.read(fields);
      case PaymentReceived.TYPE -> PaymentReceived.read(fields);
      default ->
          throw new MalformedEvent(
              "envelope field type must be an event type of docs/events.md, but is the string "
                  + JsonFields.quote(type));
    };
  }
}
