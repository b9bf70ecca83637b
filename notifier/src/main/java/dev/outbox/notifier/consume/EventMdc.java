package dev.outbox.notifier.consume;

import com.rabbitmq.client.AMQP;
import dev.outbox.config.tracing.TraceParent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Puts the message's {@code event_id} (its message_id) and {@code aggregate_id} (the relay's
 * header) in the MDC while the notifier handles it, so that every line the handlers, senders and
 * the settler log about it names the event; removed when the message is settled.
 *
 * <p>It also continues the trace of the request that raised the event: a CONSUMER span, child of
 * the message's {@code traceparent} header (a new trace without one, or with a malformed one), is
 * current while the message is handled, and its {@code trace_id} and {@code span_id} are in the
 * MDC. Opened and closed on the delivery's thread.
 */
final class EventMdc implements AutoCloseable {

  static final String EVENT_ID = "event_id";
  static final String AGGREGATE_ID = "aggregate_id";
  static final String TRACE_ID = "trace_id";
  static final String SPAN_ID = "span_id";

  private final Span span;
  private final Scope scope;

  private EventMdc(Span span, Scope scope) {
    this.span = span;
    this.scope = scope;
  }

  static EventMdc of(AMQP.BasicProperties props, Tracer tracer, String queue) {
    put(EVENT_ID, props.getMessageId());
    Map<String, Object> headers = props.getHeaders();
    put(AGGREGATE_ID, headers == null ? null : headers.get("aggregate_id"));
    Span span =
        tracer
            .spanBuilder("process " + queue)
            .setParent(TraceParent.extract(MessageHeaders.text(props, MessageHeaders.TRACEPARENT)))
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute("messaging.system", "rabbitmq")
            .setAttribute("messaging.destination.name", queue)
            .setAttribute("messaging.message.id", String.valueOf(props.getMessageId()))
            .startSpan();
    SpanContext context = span.getSpanContext();
    if (context.isValid()) {
      MDC.put(TRACE_ID, context.getTraceId());
      MDC.put(SPAN_ID, context.getSpanId());
    }
    return new EventMdc(span, span.makeCurrent());
  }

  private static void put(String key, Object value) {
    if (value != null) {
      MDC.put(key, value.toString());
    }
  }

  @Override
  public void close() {
    scope.close();
    span.end();
    MDC.remove(EVENT_ID);
    MDC.remove(AGGREGATE_ID);
    MDC.remove(TRACE_ID);
    MDC.remove(SPAN_ID);
  }
}
