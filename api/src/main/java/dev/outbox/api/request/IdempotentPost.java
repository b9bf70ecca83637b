package dev.outbox.api.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.outbox.api.error.ApiProblem;
import dev.outbox.api.error.FieldError;
import dev.outbox.core.application.idempotency.IdempotentRequests;
import dev.outbox.core.application.idempotency.StoredResponse;
import dev.outbox.json.Json;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Answers a POST, at most once per {@code Idempotency-Key} when the client sends one: a retry with
 * the same key, method, path and body gets the first response (status and body, marked {@code
 * Idempotent-Replayed: true}) and changes nothing; the same key with another request is 422.
 * Validation runs before, so a refused request does not use up its key. Without the header the
 * request simply runs.
 */
public final class IdempotentPost {

  public static final String HEADER = "Idempotency-Key";
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
  // Sorted keys make {"a":1,"b":2} and {"b":2,"a":1} the same request.
  private static final ObjectMapper CANONICAL =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private final IdempotentRequests requests;

  public IdempotentPost(IdempotentRequests requests) {
    this.requests = requests;
  }

  /**
   * Runs {@code work} (or replays its earlier answer) and writes the response; a 201 gets a
   * Location of {@code locationPrefix} plus the {@code id} of the response body.
   */
  public void respond(
      Context ctx, JsonNode body, String locationPrefix, Supplier<StoredResponse> work) {
    String key = ctx.header(HEADER);
    StoredResponse response;
    if (key == null) {
      response = work.get();
    } else {
      if (!KEY.matcher(key).matches()) {
        throw ApiProblem.invalid(
            List.of(
                new FieldError("header:" + HEADER, "must be 1 to 255 visible ASCII characters")));
      }
      AtomicBoolean ran = new AtomicBoolean();
      response =
          requests.execute(
              key,
              fingerprint(ctx.method().name(), ctx.path(), body),
              () -> {
                ran.set(true);
                return work.get();
              });
      if (!ran.get()) {
        ctx.header("Idempotent-Replayed", "true");
      }
    }
    if (response.status() == 201 && locationPrefix != null) {
      ctx.header("Location", locationPrefix + id(response.body()));
    }
    ctx.status(response.status()).contentType("application/json").result(response.body());
  }

  /** A response to store: {@code dto} as JSON through the shared mapper. */
  public static StoredResponse json(int status, Object dto) {
    try {
      return new StoredResponse(status, Json.mapper().writeValueAsString(dto));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Response could not be serialized", e);
    }
  }

  static String fingerprint(String method, String path, JsonNode body) {
    try {
      Object canonical = CANONICAL.treeToValue(body, Object.class);
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (method + " " + path + "\n" + CANONICAL.writeValueAsString(canonical))
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Request fingerprint could not be computed", e);
    }
  }

  private static String id(String body) {
    try {
      return Json.mapper().readTree(body).path("id").asText();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored response is not JSON", e);
    }
  }
}
