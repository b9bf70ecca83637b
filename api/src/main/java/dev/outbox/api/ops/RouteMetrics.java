package dev.outbox.api.ops;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Times every request into {@code http.server.requests}, tagged with the method, the route template
 * ({@code /orders/{id}}, never the raw path, so the number of series stays bounded), the status and
 * the outcome class, as a histogram (latency percentiles per route in PromQL). Requests that match
 * no route share the uri tag {@code UNMATCHED}.
 */
final class RouteMetrics {

  private static final String STARTED = RouteMetrics.class.getName() + ".started";

  private RouteMetrics() {}

  static void install(RoutesConfig routes, MeterRegistry registry) {
    routes.before(ctx -> ctx.attribute(STARTED, Timer.start(registry)));
    routes.after(ctx -> record(ctx, registry));
  }

  private static void record(Context ctx, MeterRegistry registry) {
    Timer.Sample sample = ctx.attribute(STARTED);
    if (sample == null) {
      return;
    }
    int status = ctx.statusCode();
    sample.stop(
        Timer.builder("http.server.requests")
            .description("HTTP requests handled by the api")
            .tag("method", ctx.method().name())
            .tag("uri", template(ctx))
            .tag("status", String.valueOf(status))
            .tag("outcome", outcome(status))
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(30))
            .register(registry));
  }

  /** The matched route's template, e.g. {@code /orders/{id}}; {@code UNMATCHED} when none. */
  static String template(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    if (endpoint == null || !endpoint.method.isHttpMethod() || endpoint.path.isEmpty()) {
      return "UNMATCHED";
    }
    return endpoint.path;
  }

  private static String outcome(int status) {
    if (status >= 500) {
      return "SERVER_ERROR";
    }
    if (status >= 400) {
      return "CLIENT_ERROR";
    }
    return status >= 200 && status < 300 ? "SUCCESS" : "REDIRECTION";
  }
}
