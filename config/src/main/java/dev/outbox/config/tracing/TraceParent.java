package dev.outbox.config.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The W3C {@code traceparent} header (version 00) as every role reads and writes it: text in the
 * outbox row and in the AMQP headers, a {@link Context} while a role works on it. A malformed or
 * absent value gives the root context (a new trace starts), never an error.
 */
public final class TraceParent {

  /** The header's name, on HTTP requests and AMQP messages alike. */
  public static final String HEADER = "traceparent";

  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

  private static final TextMapGetter<String> VALUE =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
          return List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
          return HEADER.equals(key) ? carrier : null;
        }
      };

  private TraceParent() {}

  /** The context {@code traceparent} continues; the root context when null or malformed. */
  public static Context extract(String traceparent) {
    if (traceparent == null) {
      return Context.root();
    }
    return W3C.extract(Context.root(), traceparent.trim(), VALUE);
  }

  /** The header value for {@code context}'s span; null when it has no valid span. */
  public static String of(Context context) {
    if (!Span.fromContext(context).getSpanContext().isValid()) {
      return null;
    }
    Map<String, String> carrier = new HashMap<>();
    W3C.inject(context, carrier, Map::put);
    return carrier.get(HEADER);
  }

  /** The header value for the current span; null when there is none. */
  public static String current() {
    return of(Context.current());
  }

  /** The trace id {@code traceparent} carries (32 hex digits); null when null or malformed. */
  public static String traceId(String traceparent) {
    SpanContext span = Span.fromContext(extract(traceparent)).getSpanContext();
    return span.isValid() ? span.getTraceId() : null;
  }
}
