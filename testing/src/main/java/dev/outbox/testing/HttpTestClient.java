package dev.outbox.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outbox.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Real HTTP against a running server, with the few shapes of request the tests send (as curl would
 * send them). Headers are given as name, value pairs.
 */
public final class HttpTestClient {

  /** A response with its body read as text. */
  public record Response(int status, String contentType, String body, HttpResponse<String> raw) {

    public JsonNode json() {
      try {
        return Json.mapper().readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON: " + body, e);
      }
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  /** A client of {@code http://127.0.0.1:<port>}. */
  public HttpTestClient(int port) {
    this(URI.create("http://127.0.0.1:" + port));
  }

  /** A client of the server at {@code base} ({@code http://localhost:8080}); paths are appended. */
  public HttpTestClient(URI base) {
    this.base = base.toString().replaceAll("/+$", "");
  }

  public Response get(String path, String... headers) {
    return send(request(path, headers).GET());
  }

  public Response postJson(String path, String json, String... headers) {
    return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
  }

  /** A POST of {@code body}; no Content-Type header when {@code contentType} is null. */
  public Response post(String path, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder request =
        request(path, headers).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request);
  }

  /** A POST whose length is not declared, so the body goes chunked. */
  public Response postChunked(String path, byte[] body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
  }

  /** Any method without a body ({@code DELETE}, {@code PUT}). */
  public Response method(String method, String path) {
    return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
