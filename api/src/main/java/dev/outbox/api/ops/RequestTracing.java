package dev.outbox.api.ops;

import dev.outbox.api.RouteGroup;
import dev.outbox.config.tracing.TraceParent;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/**
 * One SERVER span per request, continuing the request's W3C {@code traceparent} (a malformed one is
 * ignored: the request starts a new trace) and current while the handler runs, so the outbox rows
 * the request writes store it (core's CurrentTrace). Named by method and route template once the
 * route is known ({@code POST /users}), like the HTTP metrics.
 *
 * <p>The span is made current in a before-handler and the scope closed in the after-handler, which
 * Javalin runs on the same thread for every request (no route answers asynchronously), also when
 * the handler threw; a before-handler registered here first runs before any other.
 */
public final class RequestTracing implements RouteGroup {

  private static final String SPAN = RequestTracing.class.getName() + ".span";
  private static final String SCOPE = RequestTracing.class.getName() + ".scope";

  private final Tracer tracer;

  public RequestTracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("dev.outbox.api");
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.before(this::start);
    routes.after(this::end);
  }

  private void start(Context ctx) {
    String method = ctx.method().name();
    Span span =
        tracer
            .spanBuilder(method)
            .setParent(TraceParent.extract(ctx.header(TraceParent.HEADER)))
            .setSpanKind(SpanKind.SERVER)
            .setAttribute("http.request.method", method)
            .setAttribute("url.path", ctx.path())
            .startSpan();
    ctx.attribute(SPAN, span);
    ctx.attribute(SCOPE, span.makeCurrent());
  }

  private void end(Context ctx) {
    Span span = ctx.attribute(SPAN);
    Scope scope = ctx.attribute(SCOPE);
    if (span == null || scope == null) {
      return;
    }
    String route = RouteMetrics.template(ctx);
    span.updateName(ctx.method().name() + " " + route);
    span.setAttribute("http.route", route);
    int status = ctx.statusCode();
    span.setAttribute("http.response.status_code", status);
    if (status >= 500) {
      span.setStatus(StatusCode.ERROR);
    }
    scope.close();
    span.end();
  }
}
