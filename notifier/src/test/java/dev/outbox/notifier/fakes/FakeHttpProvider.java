package dev.outbox.notifier.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.outbox.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local stand-in for SendGrid or Twilio: records every request and answers per recipient, with
 * scripted replies first and the provider's success reply after them.
 */
public final class FakeHttpProvider implements AutoCloseable {

  /** One request as the fake received it; header names are lower case. */
  public record Recorded(
      String method, String path, Map<String, String> headers, String body, String recipient) {

    public JsonNode json() {
      try {
        return Json.mapper().readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    public Map<String, String> form() {
      Map<String, String> form = new LinkedHashMap<>();
      for (String pair : body.split("&")) {
        String[] kv = pair.split("=", 2);
        form.put(
            URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
      return form;
    }
  }

  /** What the fake answers. */
  public record Reply(int status, String body, Map<String, String> headers) {}

  private final HttpServer server;
  private final java.util.concurrent.ExecutorService executor =
      java.util.concurrent.Executors.newFixedThreadPool(4);
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
  private final Function<Recorded, String> recipientOf;
  private final Function<Integer, Reply> success;
  private final AtomicInteger accepted = new AtomicInteger();

  private FakeHttpProvider(
      Function<Recorded, String> recipientOf, Function<Integer, Reply> success) {
    this.recipientOf = recipientOf;
    this.success = success;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** SendGrid: the recipient is personalizations[0].to[0].email; success is 202 + X-Message-Id. */
  public static FakeHttpProvider sendGrid() {
    return new FakeHttpProvider(
        r -> r.json().path("personalizations").path(0).path("to").path(0).path("email").asText(),
        n -> new Reply(202, "", Map.of("X-Message-Id", "sg-msg-" + n)));
  }

  /** Twilio: the recipient is the form field To; success is 201 with a message sid. */
  public static FakeHttpProvider twilio() {
    return new FakeHttpProvider(
        r -> r.form().get("To"),
        n ->
            new Reply(
                201,
                "{\"sid\":\"SM"
                    + String.format(Locale.ROOT, "%032d", n)
                    + "\",\"status\":\"queued\",\"body\":\"x\"}",
                Map.of("Content-Type", "application/json")));
  }

  public static Reply reply(int status, String body) {
    return new Reply(status, body, Map.of("Content-Type", "application/json"));
  }

  /** Twilio's error body for {@code code}. */
  public static Reply twilioError(int status, int code) {
    return reply(
        status,
        "{\"code\":"
            + code
            + ",\"message\":\"error "
            + code
            + "\",\"more_info\":\"https://www.twilio.com/docs/errors/"
            + code
            + "\",\"status\":"
            + status
            + "}");
  }

  /** The next requests for {@code recipient} get these replies, in order. */
  public void script(String recipient, Reply... replies) {
    scripts.computeIfAbsent(recipient, r -> new ArrayDeque<>()).addAll(List.of(replies));
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  public List<Recorded> requestsTo(String recipient) {
    return requests.stream().filter(r -> recipient.equals(r.recipient())).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
    Recorded partial =
        new Recorded(
            exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body, null);
    String recipient = recipientOf.apply(partial);
    Reply reply;
    synchronized (this) {
      requests.add(new Recorded(partial.method(), partial.path(), headers, body, recipient));
      Deque<Reply> script = scripts.get(recipient);
      Reply scripted = script == null ? null : script.poll();
      reply = scripted != null ? scripted : success.apply(accepted.incrementAndGet());
    }
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
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
