package dev.outbox.relay.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.relay.model.OutboxMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class OutboxRecordMapperTest {

  final OutboxRecordMapper mapper = new OutboxRecordMapper("outbox_events");

  @Test
  void an_insert_becomes_a_message_with_its_wal_position_and_commit_time() {
    UUID id = UUID.randomUUID();
    OutboxMessage m = mapper.map(record("c", "outbox_events", id)).orElseThrow();

    assertThat(m.id()).isEqualTo(id);
    assertThat(m.eventType()).isEqualTo("user.created");
    assertThat(m.aggregateType()).isEqualTo("user");
    assertThat(m.payloadJson()).isEqualTo("{\"email\":\"ada@example.com\"}");
    assertThat(m.occurredAt()).isEqualTo(Instant.parse("2026-11-27T04:20:00.123456Z"));
    assertThat(m.lsnText()).isEqualTo("0/16B3748");
    assertThat(m.commitTime()).isEqualTo(Instant.parse("2026-11-21T04:00:00.200001Z"));
    assertThat(m.replayed()).isFalse();
  }

  @Test
  void a_snapshot_read_of_an_unpublished_row_becomes_a_message() {
    assertThat(mapper.map(record("r", "outbox_events", UUID.randomUUID()))).isPresent();
  }

  @Test
  void updates_deletes_heartbeats_and_other_tables_are_ignored() {
    assertThat(mapper.map(record("u", "outbox_events", UUID.randomUUID()))).isEmpty();
    assertThat(mapper.map(record("d", "outbox_events", UUID.randomUUID()))).isEmpty();
    assertThat(mapper.map(record("c", "relay_heartbeat", UUID.randomUUID()))).isEmpty();
    Schema beat = SchemaBuilder.struct().field("ts_ms", Schema.INT64_SCHEMA).build();
    SourceRecord heartbeat =
        new SourceRecord(
            Map.of(), Map.of(), "__debezium-heartbeat.s", beat, new Struct(beat).put("ts_ms", 1L));
    assertThat(mapper.map(heartbeat)).isEmpty();
  }

  @Test
  void a_batch_becomes_its_outbox_messages_in_the_batch_order() {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();

    List<OutboxMessage> messages =
        mapper.messagesOf(
            List.of(
                ChangeEvents.anInsert(first, 1),
                ChangeEvents.aHeartbeat(),
                ChangeEvents.anInsert(second, 2)));

    assertThat(messages).extracting(OutboxMessage::id).containsExactly(first, second);
  }

  @Test
  void created_at_as_microseconds_since_the_epoch_is_understood() {
    assertThat(OutboxRecordMapper.instant(1_795_234_800_123_456L))
        .isEqualTo(Instant.parse("2026-11-21T04:20:00.123456Z"));
    assertThat(OutboxRecordMapper.instant(-1L))
        .isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
  }

  @Test
  void created_at_in_another_form_is_an_error_naming_it() {
    assertThatThrownBy(() -> OutboxRecordMapper.instant("2026-11-27T04:20:00Z"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("created_at");
  }

  @Test
  void the_traceparent_column_is_carried_and_a_row_without_one_has_none() {
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    assertThat(mapper.map(traced(traceparent)).orElseThrow().traceparent()).isEqualTo(traceparent);
    assertThat(mapper.map(traced(null)).orElseThrow().traceparent()).isNull();
    assertThat(mapper.map(record("c", "outbox_events", UUID.randomUUID())).orElseThrow())
        .as("a row captured before V6 added the column")
        .extracting(OutboxMessage::traceparent)
        .isNull();
  }

  /** A change event of a row of today's schema, with its traceparent column. */
  private static SourceRecord traced(String traceparent) {
    Schema row =
        SchemaBuilder.struct()
            .optional()
            .field("id", Schema.STRING_SCHEMA)
            .field("aggregate_type", Schema.STRING_SCHEMA)
            .field("aggregate_id", Schema.STRING_SCHEMA)
            .field("event_type", Schema.STRING_SCHEMA)
            .field("payload", Schema.STRING_SCHEMA)
            .field("created_at", Schema.OPTIONAL_STRING_SCHEMA)
            .field("traceparent", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    Schema envelope =
        SchemaBuilder.struct()
            .field("op", Schema.STRING_SCHEMA)
            .field("source", ChangeEvents.SOURCE)
            .field("after", row)
            .build();
    Struct source =
        new Struct(ChangeEvents.SOURCE)
            .put("table", "outbox_events")
            .put("lsn", 1L)
            .put("ts_ms", 1_795_233_600_200L);
    Struct after =
        new Struct(row)
            .put("id", UUID.randomUUID().toString())
            .put("aggregate_type", "user")
            .put("aggregate_id", UUID.randomUUID().toString())
            .put("event_type", "user.created")
            .put("payload", "{}")
            .put("traceparent", traceparent);
    Struct value = new Struct(envelope).put("op", "c").put("source", source).put("after", after);
    return new SourceRecord(Map.of(), Map.of(), "s.public.outbox_events", envelope, value);
  }

  private static SourceRecord record(String op, String table, UUID id) {
    return ChangeEvents.change(op, table, id, 0x16B3748L);
  }
}
