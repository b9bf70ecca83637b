package dev.outbox.relay.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import dev.outbox.json.Json;
import dev.outbox.relay.model.OutboxMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/** The AMQP body and properties of docs/events.md for one outbox message. */
final class Envelope {

  private Envelope() {}

  static byte[] body(OutboxMessage m) {
    try {
      ObjectNode node = Json.mapper().createObjectNode();
      node.put("id", m.id().toString());
      node.put("type", m.eventType());
      node.put("aggregate_type", m.aggregateType());
      node.put("aggregate_id", m.aggregateId());
      node.put("occurred_at", m.occurredAt().toString());
      node.set("payload", Json.mapper().readTree(m.payloadJson()));
      return Json.mapper().writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("payload of event " + m.id() + " is not JSON", e);
    }
  }

  static AMQP.BasicProperties properties(OutboxMessage m) {
    Map<String, Object> headers = new HashMap<>();
    headers.put("aggregate_type", m.aggregateType());
    headers.put("aggregate_id", m.aggregateId());
    headers.put("lsn", m.lsnText());
    if (m.replayed()) {
      headers.put("replayed", true);
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
