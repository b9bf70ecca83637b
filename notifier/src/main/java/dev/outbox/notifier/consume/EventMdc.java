package dev.outbox.notifier.consume;

import com.rabbitmq.client.AMQP;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Puts the message's {@code event_id} (its message_id) and {@code aggregate_id} (the relay's
 * header) in the MDC while the notifier handles it, so that every line the handlers, senders and
 * the settler log about it names the event; removed when the message is settled.
 */
final class EventMdc implements AutoCloseable {

  static final String EVENT_ID = "event_id";
  static final String AGGREGATE_ID = "aggregate_id";

  private EventMdc() {}

  static EventMdc of(AMQP.BasicProperties props) {
    put(EVENT_ID, props.getMessageId());
    Map<String, Object> headers = props.getHeaders();
    put(AGGREGATE_ID, headers == null ? null : headers.get("aggregate_id"));
    return new EventMdc();
  }

  private static void put(String key, Object value) {
    if (value != null) {
      MDC.put(key, value.toString());
    }
  }

  @Override
  public void close() {
    MDC.remove(EVENT_ID);
    MDC.remove(AGGREGATE_ID);
  }
}
