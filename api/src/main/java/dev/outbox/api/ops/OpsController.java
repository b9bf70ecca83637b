package dev.outbox.api.ops;

import dev.outbox.api.RouteGroup;
import dev.outbox.config.AmqpConnections;
import dev.outbox.config.health.HealthCheck;
import dev.outbox.config.health.HealthReport;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The operational routes: liveness (the process answers), readiness (the database answers; the
 * broker's state is reported, not required; in {@code all} the relay's and the notifier's too),
 * Prometheus metrics and the OpenAPI document. Bodies are {@link HealthReport}s, as every role's.
 */
public final class OpsController implements RouteGroup {

  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final List<HealthCheck> checks;
  private final PrometheusMeterRegistry registry;
  private final byte[] openApi;

  /**
   * @param roleChecks the readiness of the roles running in the same process ({@code all}: the
   *     relay and the notifier), required as the database is
   */
  public OpsController(
      DataSource dataSource,
      AmqpConnections eventBus,
      PrometheusMeterRegistry registry,
      List<HealthCheck> roleChecks) {
    List<HealthCheck> all =
        new ArrayList<>(List.of(new DatabaseCheck(dataSource), new BrokerCheck(eventBus)));
    all.addAll(roleChecks);
    this.checks = List.copyOf(all);
    this.registry = registry;
    this.openApi = openApiDocument();
  }

  @Override
  public void register(RoutesConfig routes) {
    RouteMetrics.install(routes, registry);
    routes.get("/health", ctx -> ctx.json(HealthReport.alive().body()));
    routes.get("/ready", this::ready);
    routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
    routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
  }

  private void ready(Context ctx) {
    HealthReport report = HealthReport.of(checks);
    ctx.status(report.httpStatus()).json(report.body());
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
