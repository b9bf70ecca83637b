package dev.outbox.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.outbox.config.PortInUse;
import dev.outbox.config.Role;
import dev.outbox.config.Setting;
import dev.outbox.config.health.Check;
import dev.outbox.config.health.HealthCheck;
import dev.outbox.config.health.HealthReport;
import dev.outbox.json.Json;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The probes of the relay and notifier processes, which have no HTTP server of their own: {@code
 * GET /health} (alive), {@code GET /ready} (the role's {@link HealthCheck}) and {@code GET
 * /metrics} (Prometheus text) on METRICS_PORT, on the JDK's built-in server, one thread. It starts
 * before the role, so that a taken port stops start-up before anything else runs; until the role is
 * {@linkplain #serve served}, /ready answers 503 "starting".
 */
final class ProbeServer implements AutoCloseable {

  /** Read by the relay and notifier commands; the api and {@code all} serve on HTTP_PORT. */
  static final Setting<Integer> PORT =
      Setting.port("METRICS_PORT")
          .withDefault("9464")
          .withDescription(
              "port of /health, /ready and /metrics for the relay and notifier processes (0: off;"
                  + " the api and `all` serve them on HTTP_PORT)")
          .readBy(Role.RELAY, Role.NOTIFIER);

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final String JSON = "application/json";

  private final HttpServer server;
  private volatile List<HealthCheck> checks;

  private ProbeServer(HttpServer server, String role) {
    this.server = server;
    this.checks = List.of(HealthCheck.of(role, () -> Check.down("state", "starting")));
  }

  /**
   * Listens on {@code port} for {@code role}'s probes.
   *
   * @throws dev.outbox.config.ConfigException when the port is taken (naming METRICS_PORT)
   */
  static ProbeServer start(int port, String role, PrometheusMeterRegistry registry)
      throws IOException {
    HttpServer http =
        PortInUse.explain(
            () -> HttpServer.create(new InetSocketAddress(port), 0), PORT.name(), port);
    ProbeServer probes = new ProbeServer(http, role);
    http.createContext("/health", exchange -> probes.json(exchange, HealthReport.alive()));
    http.createContext("/ready", exchange -> probes.json(exchange, HealthReport.of(probes.checks)));
    http.createContext(
        "/metrics",
        exchange ->
            answer(
                exchange,
                200,
                PROMETHEUS_TEXT,
                registry.scrape().getBytes(StandardCharsets.UTF_8)));
    http.start();
    return probes;
  }

  /** From now on /ready answers what {@code readiness} sees. */
  void serve(HealthCheck readiness) {
    checks = List.of(readiness);
  }

  private void json(HttpExchange exchange, HealthReport report) throws IOException {
    answer(exchange, report.httpStatus(), JSON, Json.mapper().writeValueAsBytes(report.body()));
  }

  private static void answer(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream stream = exchange.getResponseBody()) {
        stream.write(body);
      }
    }
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(1);
  }
}
