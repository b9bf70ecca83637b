package dev.outbox.relay.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One outbox row as it goes onto the exchange (docs/events.md).
 *
 * @param id outbox row id, the AMQP message_id
 * @param eventType routing key and AMQP type, e.g. {@code user.created}
 * @param aggregateType header and envelope field
 * @param aggregateId header and envelope field
 * @param payloadJson the row's jsonb payload as JSON text; goes into the envelope as an object
 * @param occurredAt the row's created_at
 * @param lsn the WAL position the event was read at (0 when unknown)
 * @param commitTime when its transaction committed, from Debezium's source info (or null)
 * @param replayed whether this is a replay (header {@code replayed=true})
 * @param traceparent the W3C trace context stored with the row (header {@code traceparent}), or
 *     null when the row has none
 */
public record OutboxMessage(
    UUID id,
    String eventType,
    String aggregateType,
    String aggregateId,
    String payloadJson,
    Instant occurredAt,
    long lsn,
    Instant commitTime,
    boolean replayed,
    String traceparent) {

  public OutboxMessage {
    Objects.requireNonNull(id, "id is required");
    Objects.requireNonNull(eventType, "eventType is required");
    Objects.requireNonNull(aggregateType, "aggregateType is required");
    Objects.requireNonNull(aggregateId, "aggregateId is required");
    Objects.requireNonNull(payloadJson, "payloadJson is required");
    Objects.requireNonNull(occurredAt, "occurredAt is required");
  }

  /** An event without trace context. */
  public OutboxMessage(
      UUID id,
      String eventType,
      String aggregateType,
      String aggregateId,
      String payloadJson,
      Instant occurredAt,
      long lsn,
      Instant commitTime,
      boolean replayed) {
    this(
        id,
        eventType,
        aggregateType,
        aggregateId,
        payloadJson,
        occurredAt,
        lsn,
        commitTime,
        replayed,
        null);
  }

  /** The WAL position in PostgreSQL's text form, e.g. {@code 0/16B3748}. */
  public String lsnText() {
    return Lsns.format(lsn);
  }

  /**
   * The same event marked as a replay. Its commit time is dropped: a replay's confirm says nothing
   * about the relay's commit-to-confirm latency.
   */
  public OutboxMessage asReplay() {
    return new OutboxMessage(
        id,
        eventType,
        aggregateType,
        aggregateId,
        payloadJson,
        occurredAt,
        lsn,
        null,
        true,
        traceparent);
  }
}
