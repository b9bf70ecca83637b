package dev.outbox.api.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * One generated POST: the route it aims at, how it was made ({@code shape}, for the summary and for
 * a failure message), and what goes on the wire. A null content type sends no header.
 */
record FuzzRequest(
    Route route, String shape, String path, String contentType, byte[] body, String... headers) {

  static final String JSON = "application/json";

  static FuzzRequest json(Route route, String shape, String path, String body, String... headers) {
    return new FuzzRequest(
        route, shape, path, JSON, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  /** What a failure message shows: the shape, the path and the start of the body. */
  String describe() {
    String text = new String(body, StandardCharsets.UTF_8);
    String shown =
        text.length() > 300 ? text.substring(0, 300) + "...(" + body.length + " bytes)" : text;
    return shape + " " + path + " [" + contentType + "] " + String.join(",", headers) + " " + shown;
  }
}
