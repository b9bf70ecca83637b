package dev.outbox.api;

import dev.outbox.api.error.ExceptionMapping;
import dev.outbox.api.error.JettyProblems;
import dev.outbox.api.request.JsonBody;
import dev.outbox.json.Json;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The HTTP server: Javalin on Jetty, every route configured before start. Stopping is graceful: the
 * connector stops accepting, requests in flight get up to {@link #STOP_TIMEOUT} to finish, and only
 * then does {@link #stop()} return, so the caller may close the pool behind it.
 */
public final class ApiServer {

  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

  /** A registered route, e.g. {@code GET /orders/{id}}. */
  public record Route(String method, String path) {}

  private final Javalin app;

  public ApiServer(int port, List<RouteGroup> groups) {
    this.app =
        Javalin.create(
            cfg -> {
              cfg.jetty.port = port;
              cfg.startup.showJavalinBanner = false;
              cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
              cfg.http.maxRequestSize = JsonBody.MAX_BYTES;
              cfg.http.prefer405over404 = true;
              cfg.jetty.modifyServer(
                  server -> {
                    // Javalin's StatisticsHandler is not Graceful in Jetty 12; this one is.
                    server.insertHandler(new GracefulHandler());
                    server.setStopTimeout(STOP_TIMEOUT.toMillis());
                    server.setErrorHandler(new JettyProblems());
                  });
              ExceptionMapping.install(cfg.routes);
              groups.forEach(group -> group.register(cfg.routes));
            });
  }

  public ApiServer start() {
    app.start();
    return this;
  }

  /**
   * Binds Jetty's meters to {@code registry}: its thread pool ({@code jetty_threads_*}) and its
   * connections ({@code jetty_connections_*}, bytes in and out). Call after {@link #start()}: the
   * connectors exist then.
   */
  public void bindJettyMeters(MeterRegistry registry) {
    var server = app.jettyServer().server();
    new JettyServerThreadPoolMetrics(server.getThreadPool(), Tags.empty()).bindTo(registry);
    JettyConnectionMetrics.addToAllConnectors(server, registry);
  }

  /** The port the server listens on (the chosen one when started on port 0). */
  public int port() {
    return app.port();
  }

  /** Every HTTP route the server answers, read from Javalin's router. */
  public List<Route> routes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(parsed -> parsed.endpoint)
        .filter(endpoint -> endpoint.method.isHttpMethod() && endpoint.method != HandlerType.HEAD)
        .map(endpoint -> new Route(endpoint.method.name(), endpoint.path))
        .distinct()
        .toList();
  }

  /** Stops accepting, lets requests in flight finish (bounded by the stop timeout), returns. */
  public void stop() {
    app.stop();
  }
}
