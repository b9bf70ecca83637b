package dev.outbox.relay.capture;

import io.debezium.engine.RecordChangeEvent;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/** Debezium change events as the PostgreSQL connector hands them over, for the chain's tests. */
final class ChangeEvents {

  static final Schema SOURCE =
      SchemaBuilder.struct()
          .field("table", Schema.STRING_SCHEMA)
          .field("lsn", Schema.OPTIONAL_INT64_SCHEMA)
          .field("ts_ms", Schema.INT64_SCHEMA)
          .field("ts_us", Schema.OPTIONAL_INT64_SCHEMA)
          .build();
  static final Schema ROW =
      SchemaBuilder.struct()
          .optional()
          .field("id", Schema.STRING_SCHEMA)
          .field("aggregate_type", Schema.STRING_SCHEMA)
          .field("aggregate_id", Schema.STRING_SCHEMA)
          .field("event_type", Schema.STRING_SCHEMA)
          .field("payload", Schema.STRING_SCHEMA)
          .field("created_at", Schema.OPTIONAL_INT64_SCHEMA)
          .build();
  static final Schema ENVELOPE =
      SchemaBuilder.struct()
          .field("op", Schema.STRING_SCHEMA)
          .field("source", SOURCE)
          .field("after", ROW)
          .build();

  private ChangeEvents() {}

  /** An insert into outbox_events of the {@code user.created} event {@code id}, read at lsn. */
  static RecordChangeEvent<SourceRecord> anInsert(UUID id, long lsn) {
    return event(change("c", "outbox_events", id, lsn));
  }

  /** A heartbeat record: no outbox event, but acknowledged like one. */
  static RecordChangeEvent<SourceRecord> aHeartbeat() {
    Schema beat = SchemaBuilder.struct().field("ts_ms", Schema.INT64_SCHEMA).build();
    return event(
        new SourceRecord(
            Map.of(), Map.of(), "__debezium-heartbeat.s", beat, new Struct(beat).put("ts_ms", 1L)));
  }

  static RecordChangeEvent<SourceRecord> event(SourceRecord record) {
    return () -> record;
  }

  /** The outbox event id an event carries, if it is an outbox change. */
  static Optional<UUID> outboxId(RecordChangeEvent<SourceRecord> event) {
    if (event.record().value() instanceof Struct value && value.schema().field("after") != null) {
      return Optional.of(UUID.fromString(value.getStruct("after").getString("id")));
    }
    return Optional.empty();
  }

  static SourceRecord change(String op, String table, UUID id, long lsn) {
    Struct source =
        new Struct(SOURCE)
            .put("table", table)
            .put("lsn", lsn)
            .put("ts_ms", 1_795_233_600_200L)
            .put("ts_us", 1_795_233_600_200_001L);
    Struct after =
        new Struct(ROW)
            .put("id", id.toString())
            .put("aggregate_type", "user")
            .put("aggregate_id", UUID.randomUUID().toString())
            .put("event_type", "user.created")
            .put("payload", "{\"email\":\"ada@example.com\"}")
            .put("created_at", 1_795_753_200_123_456L); // 2026-11-27T04:20:00.123456Z
    Struct value = new Struct(ENVELOPE).put("op", op).put("source", source).put("after", after);
    return new SourceRecord(Map.of(), Map.of(), "s.public." + table, ENVELOPE, value);
  }
}
