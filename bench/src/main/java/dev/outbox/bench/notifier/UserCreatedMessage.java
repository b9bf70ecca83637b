package dev.outbox.bench.notifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import dev.outbox.json.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One {@code user.created} message as the relay puts it on the exchange (docs/events.md): the JSON
 * envelope with a {@code {user_id, email, phone}} payload, routing key and AMQP type = the event
 * type, persistent, message id = event id. Publishing the same instance twice is an exact
 * duplicate, which the notifier must suppress.
 */
public record UserCreatedMessage(UUID eventId, byte[] body, AMQP.BasicProperties properties) {

  public static final String TYPE = "user.created";

  /**
   * The event of bench user {@code n}: address {@code bench-<n>@example.com}, phone {@code +1415<n,
   * 7 digits>}, so every user gets a welcome email and a welcome SMS.
   */
  public static UserCreatedMessage of(UUID eventId, UUID userId, int n, Instant occurredAt) {
    Instant at = occurredAt.truncatedTo(ChronoUnit.MICROS);
    ObjectNode envelope = Json.mapper().createObjectNode();
    envelope.put("id", eventId.toString());
    envelope.put("type", TYPE);
    envelope.put("aggregate_type", "user");
    envelope.put("aggregate_id", userId.toString());
    envelope.put("occurred_at", at.toString());
    envelope
        .putObject("payload")
        .put("user_id", userId.toString())
        .put("email", "bench-" + n + "@example.com")
        .put("phone", String.format(Locale.ROOT, "+1415%07d", n % 10_000_000));
    AMQP.BasicProperties properties =
        new AMQP.BasicProperties.Builder()
            .contentType("application/json")
            .deliveryMode(2)
            .messageId(eventId.toString())
            .type(TYPE)
            .timestamp(Date.from(at.truncatedTo(ChronoUnit.SECONDS)))
            .headers(Map.of("aggregate_type", "user", "aggregate_id", userId.toString()))
            .build();
    try {
      return new UserCreatedMessage(eventId, Json.mapper().writeValueAsBytes(envelope), properties);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a user.created envelope", e);
    }
  }

  /** A fresh event (random ids) of bench user {@code n}, occurring now. */
  public static UserCreatedMessage fresh(int n) {
    return of(UUID.randomUUID(), UUID.randomUUID(), n, Instant.now());
  }
}
