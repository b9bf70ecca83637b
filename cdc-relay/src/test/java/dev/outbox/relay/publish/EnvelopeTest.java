package dev.outbox.relay.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import dev.outbox.json.Json;
import dev.outbox.relay.model.OutboxMessage;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

  final UUID id = UUID.fromString("0190a5c8-0000-7000-8000-0000000000aa");
  final OutboxMessage message =
      new OutboxMessage(
          id,
          "order.placed",
          "order",
          "0190a5c8-0000-7000-8000-000000000001",
          "{\"total\":\"19.99\",\"items\":[]}",
          Instant.parse("2026-11-27T04:20:00.123456Z"),
          0x16B3748L,
          null,
          false);

  @Test
  void body_is_the_documented_envelope_with_the_payload_as_an_object() throws Exception {
    JsonNode body = Json.mapper().readTree(Envelope.body(message));

    assertThat(body.get("id").asText()).isEqualTo(id.toString());
    assertThat(body.get("type").asText()).isEqualTo("order.placed");
    assertThat(body.get("aggregate_type").asText()).isEqualTo("order");
    assertThat(body.get("aggregate_id").asText()).isEqualTo("0190a5c8-0000-7000-8000-000000000001");
    assertThat(body.get("occurred_at").asText()).isEqualTo("2026-11-27T04:20:00.123456Z");
    assertThat(body.get("payload").get("total").asText()).isEqualTo("19.99");
    assertThat(body.size()).isEqualTo(6);
  }

  @Test
  void properties_carry_id_type_time_and_headers() {
    AMQP.BasicProperties p = Envelope.properties(message);

    assertThat(p.getContentType()).isEqualTo("application/json");
    assertThat(p.getDeliveryMode()).isEqualTo(2);
    assertThat(p.getMessageId()).isEqualTo(id.toString());
    assertThat(p.getType()).isEqualTo("order.placed");
    assertThat(p.getTimestamp().toInstant()).isEqualTo(Instant.parse("2026-11-27T04:20:00.123Z"));
    assertThat(p.getHeaders())
        .containsEntry("aggregate_type", "order")
        .containsEntry("aggregate_id", "0190a5c8-0000-7000-8000-000000000001")
        .containsEntry("lsn", "0/16B3748")
        .doesNotContainKey("replayed")
        .doesNotContainKey("traceparent");
  }

  @Test
  void a_stored_trace_context_goes_out_as_the_traceparent_header_replays_included() {
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    OutboxMessage traced =
        new OutboxMessage(
            id,
            "order.placed",
            "order",
            "0190a5c8-0000-7000-8000-000000000001",
            "{}",
            Instant.parse("2026-11-27T04:20:00Z"),
            1,
            null,
            false,
            traceparent);

    assertThat(Envelope.properties(traced).getHeaders()).containsEntry("traceparent", traceparent);
    assertThat(Envelope.properties(traced.asReplay()).getHeaders())
        .containsEntry("traceparent", traceparent);
  }

  @Test
  void a_replay_is_marked() {
    assertThat(Envelope.properties(message.asReplay()).getHeaders())
        .containsEntry("replayed", true);
  }
}
