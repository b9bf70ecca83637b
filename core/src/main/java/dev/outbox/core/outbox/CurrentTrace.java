package dev.outbox.core.outbox;

/**
 * Port: the trace the current work belongs to, as a W3C {@code traceparent} header value, stored
 * with each outbox row so the event's delivery continues the trace of the request that raised it.
 * The api implements it over OpenTelemetry; core knows only the text.
 */
@FunctionalInterface
public interface CurrentTrace {

  /** No tracing: rows carry no traceparent. */
  CurrentTrace NONE = () -> null;

  /** The current traceparent, e.g. {@code 00-<trace id>-<span id>-01}; null when untraced. */
  String traceparent();
}
