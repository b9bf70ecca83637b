package dev.outbox.api.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outbox.api.error.ApiProblem;
import dev.outbox.api.error.FieldError;
import dev.outbox.api.error.ProblemType;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Reads a request body as a JSON object, refusing what is not one: a content type other than {@code
 * application/json} (UTF-8) is 415, a body over {@link #MAX_BYTES} is 413, invalid JSON (including
 * duplicate keys and trailing content) is 400. Fields are then checked by {@link FieldReader}.
 */
public final class JsonBody {

  /** The largest body accepted: a 100-item order is about 10 KiB. */
  public static final int MAX_BYTES = 64 * 1024;

  /** Largest too-large body still read (and dropped) so that its 413 reaches the client. */
  private static final long DISCARD_LIMIT = 1024 * 1024;

  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private JsonBody() {}

  public static ObjectNode read(Context ctx) {
    requireJsonContentType(ctx.header("Content-Type"));
    long declared = ctx.req().getContentLengthLong();
    if (declared > MAX_BYTES) {
      discardModestBody(ctx, declared);
      throw new ApiProblem(
          ProblemType.CONTENT_TOO_LARGE, "The body is larger than " + MAX_BYTES + " bytes");
    }
    // bodyAsBytes stops reading at HttpConfig.maxRequestSize (set to MAX_BYTES) with a 413,
    // which covers chunked bodies that declare no length.
    return parse(ctx.bodyAsBytes());
  }

  // Answering while the client is still sending makes the server close a socket with unread
  // bytes, which TCP turns into a reset that can destroy the 413 before the client reads it. A
  // body of modest size is read and dropped first so the client reliably gets its answer; a huge
  // one is not worth reading and gets the answer on a best-effort basis.
  private static void discardModestBody(Context ctx, long declared) {
    if (declared > DISCARD_LIMIT) {
      return;
    }
    try {
      ctx.req().getInputStream().skipNBytes(declared);
    } catch (IOException | RuntimeException e) {
      // The client gave up or lied about the length: the 413 goes out regardless.
    }
  }

  static ObjectNode parse(byte[] body) {
    if (body.length == 0) {
      throw new ApiProblem(
          ProblemType.MALFORMED_JSON, "The body is empty; a JSON object is expected");
    }
    JsonNode node;
    try {
      node = STRICT.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ApiProblem(ProblemType.MALFORMED_JSON, describe(e));
    } catch (IOException e) {
      throw new ApiProblem(ProblemType.MALFORMED_JSON, "The body could not be read as JSON");
    }
    if (node == null || !node.isObject()) {
      throw ApiProblem.invalid(List.of(new FieldError("$", "the body must be a JSON object")));
    }
    return (ObjectNode) node;
  }

  static void requireJsonContentType(String contentType) {
    if (contentType == null) {
      throw unsupported("A Content-Type of application/json is required");
    }
    // The limit keeps empty parts: ";".split(";") is an empty array, and parts[0] would throw.
    String[] parts = contentType.split(";", -1);
    if (!"application/json".equals(parts[0].trim().toLowerCase(Locale.ROOT))) {
      throw unsupported("Only application/json is accepted");
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim().toLowerCase(Locale.ROOT).replace("\"", "");
      if (parameter.startsWith("charset=") && !parameter.equals("charset=utf-8")) {
        throw unsupported("Only UTF-8 encoded JSON is accepted");
      }
    }
  }

  private static ApiProblem unsupported(String detail) {
    return new ApiProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail);
  }

  private static String describe(JsonProcessingException e) {
    // Jackson's message quotes the input; keep only where the parser stopped.
    var location = e.getLocation();
    return location == null
        ? "The body is not valid JSON"
        : "The body is not valid JSON (line "
            + location.getLineNr()
            + ", column "
            + location.getColumnNr()
            + ")";
  }
}
