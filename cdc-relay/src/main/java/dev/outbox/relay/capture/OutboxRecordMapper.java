package dev.outbox.relay.capture;

import dev.outbox.relay.model.OutboxMessage;
import io.debezium.engine.RecordChangeEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The chain's first step: turns Debezium change events into the messages to publish. Only inserts
 * into outbox_events (op {@code c}) and snapshot reads of unpublished rows (op {@code r}) become
 * messages; heartbeats, other tables, updates and deletes are ignored (but still acknowledged by
 * the caller).
 *
 * <p>Debezium hands jsonb over as JSON text ({@code io.debezium.data.Json}), uuid as text and
 * created_at as microseconds since the epoch ({@code EpochMicrosConverter}, configured in {@code
 * DebeziumProperties}: no ISO-8601 string formatted and parsed back per event).
 */
final class OutboxRecordMapper {

  private final String outboxTable;

  OutboxRecordMapper(String outboxTable) {
    this.outboxTable = outboxTable;
  }

  /** The messages of one batch, in its (WAL) order. */
  List<OutboxMessage> messagesOf(List<RecordChangeEvent<SourceRecord>> batch) {
    List<OutboxMessage> messages = new ArrayList<>(batch.size());
    for (RecordChangeEvent<SourceRecord> event : batch) {
      map(event.record()).ifPresent(messages::add);
    }
    return messages;
  }

  Optional<OutboxMessage> map(SourceRecord record) {
    if (!(record.value() instanceof Struct value)
        || value.schema().field("op") == null
        || value.schema().field("source") == null) {
      return Optional.empty();
    }
    String op = value.getString("op");
    Struct source = value.getStruct("source");
    if (!("c".equals(op) || "r".equals(op)) || !outboxTable.equals(source.getString("table"))) {
      return Optional.empty();
    }
    Struct after = value.getStruct("after");
    return Optional.of(
        new OutboxMessage(
            UUID.fromString(after.getString("id")),
            after.getString("event_type"),
            after.getString("aggregate_type"),
            after.get("aggregate_id").toString(),
            after.getString("payload"),
            occurredAt(after.get("created_at"), source),
            lsn(source),
            commitTime(source),
            false,
            traceparent(after)));
  }

  // Absent from the schema of rows captured before migration V6 added the column.
  private static String traceparent(Struct after) {
    return after.schema().field("traceparent") == null ? null : after.getString("traceparent");
  }

  private static long lsn(Struct source) {
    Long lsn = source.getInt64("lsn");
    return lsn == null ? 0 : lsn;
  }

  private static Instant commitTime(Struct source) {
    Field micros = source.schema().field("ts_us");
    if (micros != null && source.get(micros) != null) {
      long us = source.getInt64("ts_us");
      return Instant.ofEpochSecond(us / 1_000_000, (us % 1_000_000) * 1_000);
    }
    Long ms = source.getInt64("ts_ms");
    return ms == null ? null : Instant.ofEpochMilli(ms);
  }

  // created_at has a default but is nullable: fall back to the commit time.
  private static Instant occurredAt(Object createdAt, Struct source) {
    if (createdAt != null) {
      return instant(createdAt);
    }
    Instant commit = commitTime(source);
    return commit != null ? commit : Instant.now();
  }

  static Instant instant(Object value) {
    if (value instanceof Long micros) {
      return Instant.ofEpochSecond(
          Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000);
    }
    throw new IllegalArgumentException("created_at has an unexpected form: " + value);
  }
}
