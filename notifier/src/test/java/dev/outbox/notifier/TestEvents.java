package dev.outbox.notifier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outbox.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Event envelopes as the relay publishes them (docs/events.md). */
record TestEvents(
    UUID id,
    String type,
    String aggregateType,
    UUID aggregateId,
    ObjectNode payload,
    Instant occurredAt) {

  private static final Instant DEFAULT_TIME = Instant.parse("2026-11-27T10:00:00Z");

  TestEvents(UUID id, String type, String aggregateType, UUID aggregateId, ObjectNode payload) {
    this(id, type, aggregateType, aggregateId, payload, DEFAULT_TIME);
  }

  TestEvents occurredAt(Instant time) {
    return new TestEvents(id, type, aggregateType, aggregateId, payload, time);
  }

  static TestEvents userCreated(String email, String phone) {
    UUID userId = UUID.randomUUID();
    ObjectNode payload = Json.mapper().createObjectNode();
    payload.put("user_id", userId.toString());
    payload.put("email", email);
    payload.put("phone", phone);
    return new TestEvents(UUID.randomUUID(), "user.created", "user", userId, payload);
  }

  static TestEvents orderPlaced(String email) {
    UUID orderId = UUID.randomUUID();
    ObjectNode payload = Json.mapper().createObjectNode();
    payload.put("order_id", orderId.toString());
    payload.put("user_id", UUID.randomUUID().toString());
    payload.put("email", email);
    payload.putNull("phone");
    payload.put("currency", "EUR");
    ArrayNode items = payload.putArray("items");
    ObjectNode item = items.addObject();
    item.put("sku", "BOOK-1");
    item.put("quantity", 2);
    item.put("unit_price", "9.50");
    item.put("line_total", "19.00");
    payload.put("total", "19.00");
    return new TestEvents(UUID.randomUUID(), "order.placed", "order", orderId, payload);
  }

  static TestEvents paymentReceived(String email, String phone, String amount) {
    UUID orderId = UUID.randomUUID();
    ObjectNode payload = Json.mapper().createObjectNode();
    payload.put("payment_id", UUID.randomUUID().toString());
    payload.put("order_id", orderId.toString());
    payload.put("user_id", UUID.randomUUID().toString());
    payload.put("email", email);
    payload.put("phone", phone);
    payload.put("amount", amount);
    payload.put("currency", "EUR");
    payload.put("reference", "PAY-" + orderId.toString().substring(0, 6));
    return new TestEvents(UUID.randomUUID(), "payment.received", "order", orderId, payload);
  }

  /** The same event with payload field {@code field} set to the JSON {@code value} as it is. */
  TestEvents with(String field, Object value) {
    ObjectNode copy = payload.deepCopy();
    copy.set(field, Json.mapper().valueToTree(value));
    return new TestEvents(id, type, aggregateType, aggregateId, copy, occurredAt);
  }

  TestEvents without(String field) {
    ObjectNode copy = payload.deepCopy();
    copy.remove(field);
    return new TestEvents(id, type, aggregateType, aggregateId, copy, occurredAt);
  }

  byte[] body() {
    ObjectNode envelope = Json.mapper().createObjectNode();
    envelope.put("id", id.toString());
    envelope.put("type", type);
    envelope.put("aggregate_type", aggregateType);
    envelope.put("aggregate_id", aggregateId.toString());
    envelope.put("occurred_at", occurredAt.toString());
    envelope.set("payload", payload);
    return envelope.toString().getBytes(StandardCharsets.UTF_8);
  }
}
