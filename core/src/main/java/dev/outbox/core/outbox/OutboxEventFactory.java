package dev.outbox.core.outbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outbox.core.domain.DomainEvent;
import dev.outbox.json.Json;
import java.util.Map;

/**
 * Turns a domain event into its outbox row: the event id becomes the row id (and later the message
 * id), the occurrence time becomes {@code created_at} (the envelope's {@code occurred_at}), and the
 * payload record becomes a JSON object through the shared snake_case mapper; the current trace
 * ({@link CurrentTrace}) is stored with it.
 */
public final class OutboxEventFactory {

  private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

  private final ObjectMapper mapper;
  private final CurrentTrace trace;

  /** Rows without a traceparent. */
  public OutboxEventFactory() {
    this(CurrentTrace.NONE);
  }

  public OutboxEventFactory(CurrentTrace trace) {
    this(Json.mapper(), trace);
  }

  OutboxEventFactory(ObjectMapper mapper, CurrentTrace trace) {
    this.mapper = mapper;
    this.trace = trace;
  }

  public OutboxEvent create(DomainEvent event) {
    return new OutboxEvent(
        event.eventId(),
        event.aggregateType(),
        event.aggregateId(),
        event.eventType(),
        mapper.convertValue(event.payload(), JSON_OBJECT),
        event.occurredAt(),
        trace.traceparent());
  }
}
