package dev.outbox.api.fuzz;

import java.util.List;

/**
 * Fixed bad inputs the generator draws from: texts that are not one JSON object, path ids, keys.
 */
final class Garbage {

  private Garbage() {}

  /** Not one JSON object (or not JSON at all); a few are made from the valid body. */
  static List<String> invalidJson(String valid) {
    return List.of(
        "",
        " ",
        "null",
        "[]",
        "[" + valid + "]",
        "\"text\"",
        "123",
        "true",
        valid.substring(0, valid.length() / 2),
        valid.substring(0, valid.length() - 1),
        valid + valid,
        valid + " x",
        valid.replace("\"", "'"),
        valid.replaceFirst("\\{", "{/* c */"),
        valid.replace("}", ",}"),
        valid.replaceFirst("\"(\\w+)\":", "$1:"),
        "\ufeff" + valid,
        "{\"a\":NaN}",
        "{\"a\":01}",
        "{\"a\":\"\\x\"}",
        "{\"a\":\"\\ud800\"",
        "{".repeat(3_000) + "}".repeat(3_000),
        "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}",
        "\u0000",
        "{\"a\":\"b\u0001\"}");
  }

  /** Path ids that are not a known UUID; all must be 404 (or 405), never a write. */
  static final List<String> IDS =
      List.of(
          "not-a-uuid",
          "00000000-0000-0000-0000-000000000000",
          "%00",
          "%2e%2e",
          "..%2f..%2fusers",
          "%FF%FE",
          "0",
          "-1",
          "null",
          "%7B00000000-0000-0000-0000-000000000000%7D",
          "00000000000000000000000000000000",
          "00000000-0000-0000-0000-0000000000000",
          "g0000000-0000-0000-0000-000000000000",
          "x".repeat(4_000),
          "%20",
          "a;b=c",
          "%E2%80%AE",
          "1-1-1-1-1");

  static final List<String> CONTENT_TYPES =
      List.of(
          "text/plain",
          "application/xml",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "application/json; charset=ISO-8859-1",
          "application/json; charset=UTF-16",
          "application/problem+json",
          "application/json-patch+json",
          "application/jsonx",
          "*/*",
          "json",
          ";",
          "application/json; charset=\"",
          "APPLICATION/JSON");

  static final List<String> BAD_KEYS =
      List.of("", " ", "a b", "k".repeat(256), "key\twith-tab", "x".repeat(10_000));
}
