package dev.outbox.relay.publish;

import com.fasterxml.jackson.core.JsonGenerator;
import com.rabbitmq.client.AMQP;
import dev.outbox.json.Json;
import dev.outbox.relay.model.OutboxMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/** The AMQP body and properties of docs/events.md for one outbox message. */
final class Envelope {

  /** The W3C trace context header, as the row stored it (the api's request span). */
  static final String TRACEPARENT = "traceparent";

  private Envelope() {}

  /**
   * The JSON body. The payload is copied in as it is: it comes from a jsonb column, so PostgreSQL
   * has already checked and normalised it, and parsing it again for every event cost a tenth of the
   * relay's CPU (issue 8's profile).
   */
  static byte[] body(OutboxMessage m) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(192 + m.payloadJson().length());
    try (JsonGenerator json = Json.mapper().getFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("id", m.id().toString());
      json.writeStringField("type", m.eventType());
      json.writeStringField("aggregate_type", m.aggregateType());
      json.writeStringField("aggregate_id", m.aggregateId());
      json.writeStringField("occurred_at", InstantText.of(m.occurredAt()));
      json.writeFieldName("payload");
      json.writeRawValue(m.payloadJson());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing the body of event " + m.id() + " failed", e);
    }
    return out.toByteArray();
  }

  static AMQP.BasicProperties properties(OutboxMessage m) {
    Map<String, Object> headers = new HashMap<>();
    headers.put("aggregate_type", m.aggregateType());
    headers.put("aggregate_id", m.aggregateId());
    headers.put("lsn", m.lsnText());
    if (m.replayed()) {
      headers.put("replayed", true);
    }
    if (m.traceparent() != null) {
      headers.put(TRACEPARENT, m.traceparent());
    }
    return new AMQP.BasicProperties.Builder()
        .contentType("application/json")
        .deliveryMode(2)
        .messageId(m.id().toString())
        .type(m.eventType())
        .timestamp(Date.from(m.occurredAt()))
        .headers(headers)
        .build();
  }
}
