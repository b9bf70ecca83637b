package dev.outbox.chaos.provider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SendGrid and Twilio in one local HTTP server: records every request, then answers as the real
 * provider does on success (SendGrid 202 with {@code X-Message-Id}, Twilio 201 with a message sid),
 * except for the first attempt of a few notifications, which get a 503 so that the notifier's
 * retries are part of every run ({@link FirstAttemptFailures}).
 */
public final class ProviderStandIn implements AutoCloseable {

  private static final String TWILIO_503 =
      "{\"code\":20503,\"message\":\"Service unavailable (chaos)\","
          + "\"more_info\":\"https://www.twilio.com/docs/errors/20503\",\"status\":503}";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final List<ProviderRequest> requests = new CopyOnWriteArrayList<>();
  private final AtomicLong seq = new AtomicLong();
  private final FirstAttemptFailures failures;
  private final Duration latency;
  private volatile Instant lastRequestAt = Instant.now();

  private ProviderStandIn(FirstAttemptFailures failures, Duration latency) throws IOException {
    this.failures = failures;
    this.latency = latency;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /**
   * Starts on a free loopback port.
   *
   * @param failPercent share of notifications (0-100) whose first attempt is answered 503
   * @param latency how long each request is held before the answer, like a provider's round trip
   */
  public static ProviderStandIn start(int failPercent, Duration latency) throws IOException {
    return new ProviderStandIn(new FirstAttemptFailures(failPercent), latency);
  }

  /** SENDGRID_BASE_URL and TWILIO_BASE_URL of the notifiers. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Every request so far, in arrival order. */
  public List<ProviderRequest> requests() {
    return List.copyOf(requests);
  }

  public Instant lastRequestAt() {
    return lastRequestAt;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      var parsed = ProviderRequests.parse(exchange.getRequestURI().getPath(), auth, body);
      if (parsed.isEmpty()) {
        answer(exchange, 404, "{}", "application/json");
        return;
      }
      var p = parsed.get();
      int status = failures.failsNow(p.channel(), p.eventId()) ? 503 : success(p.channel());
      long n = seq.incrementAndGet();
      lastRequestAt = Instant.now();
      requests.add(
          new ProviderRequest(
              n,
              lastRequestAt,
              p.channel(),
              p.eventId(),
              p.recipient(),
              p.sender(),
              status,
              p.text()));
      hold();
      reply(exchange, p.channel(), status, n);
    }
  }

  private static int success(Channel channel) {
    return channel == Channel.EMAIL ? 202 : 201;
  }

  private void reply(HttpExchange exchange, Channel channel, int status, long n)
      throws IOException {
    if (status == 503 && channel == Channel.EMAIL) {
      answer(
          exchange, 503, "{\"errors\":[{\"message\":\"chaos: try again\"}]}", "application/json");
    } else if (status == 503) {
      // Twilio's error body: the SDK takes the status from it, not from the HTTP status line
      answer(exchange, 503, TWILIO_503, "application/json");
    } else if (channel == Channel.EMAIL) {
      exchange.getResponseHeaders().add("X-Message-Id", "chaos-sg-" + n);
      answer(exchange, status, "", "application/json");
    } else {
      String sid = "SM" + String.format(Locale.ROOT, "%032d", n);
      answer(
          exchange, status, "{\"sid\":\"" + sid + "\",\"status\":\"queued\"}", "application/json");
    }
  }

  private void hold() {
    try {
      // the provider's round trip: widens the window in which a killed notifier leaves a
      // request accepted but unrecorded
      Thread.sleep(latency.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void answer(HttpExchange exchange, int status, String body, String type)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
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
