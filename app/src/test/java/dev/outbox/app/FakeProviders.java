package dev.outbox.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SendGrid and Twilio on one local port (the notifier's SENDGRID_BASE_URL and TWILIO_BASE_URL):
 * records every request with its credentials and answers as the provider does on success, after the
 * first {@code failFirst} requests, which get a 503 in the provider's format (so the run also goes
 * through the notifier's retry path).
 */
final class FakeProviders implements AutoCloseable {

  /** One request; header names in lower case. */
  record Request(String path, Map<String, String> headers, String body) {

    boolean isEmail() {
      return path.equals("/v3/mail/send");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft;
  private final AtomicInteger answered = new AtomicInteger();

  FakeProviders(int failFirst) throws IOException {
    failuresLeft = new AtomicInteger(failFirst);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  List<Request> emails() {
    return requests.stream().filter(Request::isEmail).toList();
  }

  List<Request> sms() {
    return requests.stream().filter(r -> !r.isEmail()).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
    Request request = new Request(exchange.getRequestURI().getPath(), headers, body);
    requests.add(request);
    if (failuresLeft.getAndDecrement() > 0) {
      reply(
          exchange, 503, request.isEmail() ? "{\"errors\":[{\"message\":\"busy\"}]}" : twilio503());
    } else if (request.isEmail()) {
      exchange.getResponseHeaders().add("X-Message-Id", "sg-" + answered.incrementAndGet());
      reply(exchange, 202, "");
    } else {
      reply(
          exchange,
          201,
          "{\"sid\":\"SM"
              + String.format(Locale.ROOT, "%032d", answered.incrementAndGet())
              + "\",\"status\":\"queued\",\"body\":\"x\"}");
    }
  }

  private static String twilio503() {
    return "{\"code\":20503,\"message\":\"Service unavailable\",\"more_info\":"
        + "\"https://www.twilio.com/docs/errors/20503\",\"status\":503}";
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
