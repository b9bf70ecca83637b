package dev.outbox.config.tracing;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * A span processor that does nothing, registered so that the SDK's tracers stay real when no
 * exporter is configured: with no processor at all the SDK hands out no-op tracers, which start no
 * trace, and a request without a {@code traceparent} would then store none.
 */
final class LocalSpans implements SpanProcessor {

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {}

  @Override
  public boolean isStartRequired() {
    return false;
  }

  @Override
  public void onEnd(ReadableSpan span) {}

  @Override
  public boolean isEndRequired() {
    return false;
  }
}
