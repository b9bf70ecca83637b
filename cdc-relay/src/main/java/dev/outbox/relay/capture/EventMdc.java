package dev.outbox.relay.capture;

import dev.outbox.config.tracing.TraceParent;
import dev.outbox.relay.model.OutboxMessage;
import org.slf4j.MDC;

/**
 * Puts one event's {@code event_id}, {@code aggregate_id} and, when its row stored a trace, {@code
 * trace_id} in the MDC while the relay logs about it (a refusal, a parking), so that a JSON log
 * line names the event and its request's trace in fields of their own.
 */
final class EventMdc implements AutoCloseable {

  static final String EVENT_ID = "event_id";
  static final String AGGREGATE_ID = "aggregate_id";
  static final String TRACE_ID = "trace_id";

  private EventMdc() {}

  static EventMdc of(OutboxMessage m) {
    MDC.put(EVENT_ID, m.id().toString());
    MDC.put(AGGREGATE_ID, m.aggregateId());
    String traceId = TraceParent.traceId(m.traceparent());
    if (traceId != null) {
      MDC.put(TRACE_ID, traceId);
    }
    return new EventMdc();
  }

  @Override
  public void close() {
    MDC.remove(EVENT_ID);
    MDC.remove(AGGREGATE_ID);
    MDC.remove(TRACE_ID);
  }
}
