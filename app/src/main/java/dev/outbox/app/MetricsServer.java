package dev.outbox.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.outbox.config.Role;
import dev.outbox.config.Setting;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics} in Prometheus text format for the relay and notifier processes, which have
 * no HTTP server of their own: the JDK's built-in server, one thread, nothing else routed.
 */
final class MetricsServer implements AutoCloseable {

  /** Read by the relay and notifier commands; the api and {@code all} serve on HTTP_PORT. */
  static final Setting<Integer> PORT =
      Setting.port("METRICS_PORT")
          .withDefault("9464")
          .withDescription(
              "port of /metrics for the relay and notifier processes (0: off; the api and `all`"
                  + " serve /metrics on HTTP_PORT)")
          .readBy(Role.RELAY, Role.NOTIFIER);

  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;

  private MetricsServer(HttpServer server) {
    this.server = server;
  }

  static MetricsServer start(int port, PrometheusMeterRegistry registry) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext("/metrics", exchange -> answer(exchange, registry));
    server.start();
    return new MetricsServer(server);
  }

  private static void answer(HttpExchange exchange, PrometheusMeterRegistry registry)
      throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.sendResponseHeaders(200, body.length);
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
