package dev.outbox.core.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to an aggregate, written to the outbox in the same transaction as the
 * aggregate change and published afterwards. The wire form is fixed by docs/events.md:
 *
 * <ul>
 *   <li>{@link #eventId()}: a UUIDv7 (time-ordered), becomes the outbox row id and the message id;
 *   <li>{@link #eventType()}: e.g. {@code user.created}, the routing key;
 *   <li>{@link #aggregateType()} / {@link #aggregateId()}: the aggregate that raised it;
 *   <li>{@link #payload()}: a record whose snake_case JSON form is exactly the documented payload.
 * </ul>
 */
public interface DomainEvent {

  UUID eventId();

  Instant occurredAt();

  UUID aggregateId();

  String aggregateType();

  String eventType();

  /** The documented payload, as a record serialised with the shared snake_case mapper. */
  Record payload();
}
