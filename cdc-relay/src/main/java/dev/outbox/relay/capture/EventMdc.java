package dev.outbox.relay.capture;

import dev.outbox.relay.model.OutboxMessage;
import org.slf4j.MDC;

/**
 * Puts one event's {@code event_id} and {@code aggregate_id} in the MDC while the relay logs about
 * it (a refusal, a parking), so that a JSON log line names the event in fields of its own.
 */
final class EventMdc implements AutoCloseable {

  static final String EVENT_ID = "event_id";
  static final String AGGREGATE_ID = "aggregate_id";

  private EventMdc() {}

  static EventMdc of(OutboxMessage m) {
    MDC.put(EVENT_ID, m.id().toString());
    MDC.put(AGGREGATE_ID, m.aggregateId());
    return new EventMdc();
  }

  @Override
  public void close() {
    MDC.remove(EVENT_ID);
    MDC.remove(AGGREGATE_ID);
  }
}
