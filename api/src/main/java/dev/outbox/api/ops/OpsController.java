package dev.outbox.api.ops;

import dev.outbox.api.RouteGroup;
import dev.outbox.config.AmqpConnections;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The operational routes: liveness (the process answers), readiness (its dependencies answer),
 * Prometheus metrics and the OpenAPI document.
 */
public final class OpsController implements RouteGroup {

  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final List<ReadinessCheck> checks;
  private final PrometheusMeterRegistry registry;
  private final byte[] openApi;

  public OpsController(
      DataSource dataSource, AmqpConnections eventBus, PrometheusMeterRegistry registry) {
    this.checks = List.of(new DatabaseCheck(dataSource), new BrokerCheck(eventBus));
    this.registry = registry;
    this.openApi = openApiDocument();
  }

  @Override
  public void register(RoutesConfig routes) {
    RouteMetrics.install(routes, registry);
    routes.get("/health", ctx -> ctx.json(Map.of("status", "up")));
    routes.get("/ready", this::ready);
    routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
    routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
  }

  private void ready(Context ctx) {
    Map<String, String> states = new LinkedHashMap<>();
    boolean ready = true;
    for (ReadinessCheck check : checks) {
      boolean up = check.isUp();
      states.put(check.name(), up ? "up" : "down");
      ready &= up;
    }
    ctx.status(ready ? 200 : 503)
        .json(Map.of("status", ready ? "ready" : "unavailable", "checks", states));
  }

  private static byte[] openApiDocument() {
    try (InputStream in = OpsController.class.getResourceAsStream("/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the api jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("openapi.json could not be read", e);
    }
  }
}
