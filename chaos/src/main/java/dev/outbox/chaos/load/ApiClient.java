package dev.outbox.chaos.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.outbox.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * POSTs to the api the way a careful client does: one Idempotency-Key per logical request, and the
 * same key again after a timeout, a connection error or a 5xx, with growing back-off, until an
 * answer below 500 or the retry budget is spent. Every request's final outcome is logged.
 */
public final class ApiClient {

  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final URI base;
  private final LoadLog log;
  private final Duration budget;

  public ApiClient(URI base, LoadLog log, Duration budget) {
    this.base = base;
    this.log = log;
    this.budget = budget;
  }

  /** The 2xx body, or empty when the request ended otherwise (the outcome says how). */
  public Optional<JsonNode> post(String route, String path, Map<String, ?> body, String key) {
    HttpRequest request = request(path, body, key);
    Instant started = Instant.now();
    Instant deadline = started.plus(budget);
    Duration backoff = FIRST_BACKOFF;
    int attempts = 0;
    while (true) {
      attempts++;
      Attempt attempt = send(request);
      boolean last = attempt.status() > 0 && attempt.status() < 500;
      if (last || Instant.now().isAfter(deadline) || !Pause.of(backoff)) {
        log.outcome(attempt.outcome(route, path, key, attempts, started));
        return attempt.status() / 100 == 2 ? Optional.of(attempt.json()) : Optional.empty();
      }
      backoff =
          backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
              ? MAX_BACKOFF
              : backoff.multipliedBy(2);
    }
  }

  private HttpRequest request(String path, Map<String, ?> body, String key) {
    try {
      return HttpRequest.newBuilder(base.resolve(path))
          .timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json")
          .header("Idempotency-Key", key)
          .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private Attempt send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      boolean replayed = response.headers().firstValue("Idempotent-Replayed").isPresent();
      return new Attempt(response.statusCode(), response.body(), replayed, null);
    } catch (IOException e) {
      return new Attempt(-1, "", false, e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Attempt(-1, "", false, "interrupted");
    }
  }

  /** One try's answer. */
  private record Attempt(int status, String body, boolean replayed, String error) {

    HttpOutcome outcome(String route, String path, String key, int attempts, Instant started) {
      String answer = body.length() > 300 ? body.substring(0, 300) + "..." : body;
      String why =
          error != null
              ? error
              : status >= 400 ? "HTTP " + status + " on " + path + ": " + answer : null;
      return new HttpOutcome(route, key, status, attempts, replayed, started, Instant.now(), why);
    }

    JsonNode json() {
      try {
        return Json.mapper().readTree(body);
      } catch (IOException e) {
        return Json.mapper().createObjectNode();
      }
    }
  }
}
