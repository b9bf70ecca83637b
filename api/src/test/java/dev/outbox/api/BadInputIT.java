package dev.outbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outbox.testing.HttpTestClient;
import dev.outbox.testing.HttpTestClient.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad request, one row each: the expected 4xx as an RFC 9457 problem naming the bad
 * field, and nothing written (no user, order, payment or outbox row). Runs with ADMIN_TOKEN unset.
 */
class BadInputIT {

  static final RunningApi running = RunningApi.start("api_bad", Map.of());
  static final HttpTestClient http = running.http();
  static final String JSON = "application/json";
  static final String UNKNOWN = "0190a5c8-0000-7000-8000-00000000dead";
  static String userId;
  static String orderId;

  /** {user} and {order} in path and body stand for an existing user and order. */
  record Case(
      String name,
      String method,
      String path,
      String contentType,
      byte[] body,
      int status,
      String field) {

    static Case post(String name, String path, String body, int status, String field) {
      return new Case(
          name, "POST", path, JSON, body.getBytes(StandardCharsets.UTF_8), status, field);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  static void createUserAndOrder() {
    userId = ApiFixtures.createUser(http);
    orderId = ApiFixtures.placeOrder(http, userId);
  }

  @AfterAll
  static void stop() {
    running.close();
  }

  static Stream<Case> cases() {
    return Stream.of(
            Stream.of(
                user("missing email", "{}", 400, "email"),
                user("null email", "{\"email\":null}", 400, "email"),
                user("email as number", "{\"email\":42}", 400, "email"),
                user("email as array", "{\"email\":[\"a@example.com\"]}", 400, "email"),
                user("email without at", "{\"email\":\"ada.example.com\"}", 400, "email"),
                user("email without domain dot", "{\"email\":\"ada@localhost\"}", 400, "email"),
                user(
                    "email of 10k characters",
                    "{\"email\":\"" + "a".repeat(10_000) + "@example.com\"}",
                    400,
                    "email"),
                user("email with SQL", "{\"email\":\"x'; DROP TABLE users;--\"}", 400, "email"),
                user("email with spaces around", "{\"email\":\" ada@example.com \"}", 400, "email"),
                user(
                    "phone without plus",
                    "{\"email\":\"ok1@example.com\",\"phone\":\"4155550100\"}",
                    400,
                    "phone"),
                user(
                    "phone as number",
                    "{\"email\":\"ok2@example.com\",\"phone\":14155550100}",
                    400,
                    "phone"),
                user(
                    "phone with spaces",
                    "{\"email\":\"ok3@example.com\",\"phone\":\"+1 415 555 0100\"}",
                    400,
                    "phone"),
                user(
                    "phone too long",
                    "{\"email\":\"ok4@example.com\",\"phone\":\"+1234567890123456\"}",
                    400,
                    "phone"),
                user(
                    "unknown field",
                    "{\"email\":\"ok5@example.com\",\"nickname\":\"ada\"}",
                    400,
                    "nickname"),
                user(
                    "misspelt phone field",
                    "{\"email\":\"ok6@example.com\",\"phone_number\":\"+14155550100\"}",
                    400,
                    "phone_number"),
                user("body is an array", "[{\"email\":\"ok7@example.com\"}]", 400, "$"),
                user("body is a string", "\"ok8@example.com\"", 400, "$"),
                user("body is null", "null", 400, "$"),
                user("truncated JSON", "{\"email\":", 400, null),
                user("single quotes", "{'email':'ok9@example.com'}", 400, null),
                user(
                    "duplicate keys",
                    "{\"email\":\"a1@example.com\",\"email\":\"a2@example.com\"}",
                    400,
                    null),
                user("trailing garbage", "{\"email\":\"a3@example.com\"} x", 400, null),
                user("empty body", "", 400, null),
                user(
                    "nesting 5000 deep",
                    "{\"email\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                    400,
                    null),
                new Case(
                    "invalid UTF-8",
                    "POST",
                    "/users",
                    JSON,
                    new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'},
                    400,
                    null),
                new Case(
                    "text/plain",
                    "POST",
                    "/users",
                    "text/plain",
                    "{\"email\":\"b1@example.com\"}".getBytes(StandardCharsets.UTF_8),
                    415,
                    null),
                new Case(
                    "form encoded",
                    "POST",
                    "/users",
                    "application/x-www-form-urlencoded",
                    "email=b2%40example.com".getBytes(StandardCharsets.UTF_8),
                    415,
                    null),
                new Case(
                    "no content type",
                    "POST",
                    "/users",
                    null,
                    "{\"email\":\"b3@example.com\"}".getBytes(StandardCharsets.UTF_8),
                    415,
                    null),
                new Case(
                    "latin-1 JSON",
                    "POST",
                    "/users",
                    "application/json; charset=ISO-8859-1",
                    "{\"email\":\"b4@example.com\"}".getBytes(StandardCharsets.UTF_8),
                    415,
                    null),
                user(
                    "body over 64 KiB",
                    "{\"email\":\"b5@example.com\",\"x\":\"" + "x".repeat(70_000) + "\"}",
                    413,
                    null)),
            Stream.of(
                order(
                    "missing user_id",
                    "{\"currency\":\"EUR\",\"items\":" + ITEMS + "}",
                    400,
                    "user_id"),
                order("user_id not a UUID", body("\"1\"", "\"EUR\"", ITEMS), 400, "user_id"),
                order(
                    "user_id with SQL", body("\"1' OR '1'='1\"", "\"EUR\"", ITEMS), 400, "user_id"),
                order("user_id as number", body("1", "\"EUR\"", ITEMS), 400, "user_id"),
                order("unknown user", body("\"" + UNKNOWN + "\"", "\"EUR\"", ITEMS), 404, null),
                order("currency lower case", body(USER, "\"eur\"", ITEMS), 400, "currency"),
                order("currency unknown", body(USER, "\"ABC\"", ITEMS), 400, "currency"),
                order(
                    "currency without minor units", body(USER, "\"XAU\"", ITEMS), 400, "currency"),
                order("currency as number", body(USER, "978", ITEMS), 400, "currency"),
                order(
                    "items missing",
                    "{\"user_id\":" + USER + ",\"currency\":\"EUR\"}",
                    400,
                    "items"),
                order("items null", body(USER, "\"EUR\"", "null"), 400, "items"),
                order("items empty", body(USER, "\"EUR\"", "[]"), 400, "items"),
                order("items an object", body(USER, "\"EUR\"", "{\"sku\":\"A\"}"), 400, "items"),
                order(
                    "101 items",
                    body(
                        USER,
                        "\"EUR\"",
                        "[" + String.join(",", java.util.Collections.nCopies(101, ITEM)) + "]"),
                    400,
                    "items"),
                order("item a number", body(USER, "\"EUR\"", "[1]"), 400, "items[0]"),
                order("quantity zero", item("\"A-1\"", "0", "\"1.00\""), 400, "items[0].quantity"),
                order(
                    "quantity negative",
                    item("\"A-1\"", "-3", "\"1.00\""),
                    400,
                    "items[0].quantity"),
                order(
                    "quantity fractional",
                    item("\"A-1\"", "1.5", "\"1.00\""),
                    400,
                    "items[0].quantity"),
                order("quantity 2.0", item("\"A-1\"", "2.0", "\"1.00\""), 400, "items[0].quantity"),
                order(
                    "quantity as string",
                    item("\"A-1\"", "\"2\"", "\"1.00\""),
                    400,
                    "items[0].quantity"),
                order(
                    "quantity over limit",
                    item("\"A-1\"", "10001", "\"1.00\""),
                    400,
                    "items[0].quantity"),
                order(
                    "quantity beyond long",
                    item("\"A-1\"", "99999999999999999999999", "\"1.00\""),
                    400,
                    "items[0].quantity"),
                order(
                    "unit_price as float",
                    item("\"A-1\"", "1", "19.99"),
                    400,
                    "items[0].unit_price"),
                order(
                    "unit_price as integer",
                    item("\"A-1\"", "1", "20"),
                    400,
                    "items[0].unit_price"),
                order(
                    "unit_price negative",
                    item("\"A-1\"", "1", "\"-1.00\""),
                    400,
                    "items[0].unit_price"),
                order(
                    "unit_price three decimals in EUR",
                    item("\"A-1\"", "1", "\"19.999\""),
                    400,
                    "items[0].unit_price"),
                order(
                    "unit_price decimals in JPY",
                    "{\"user_id\":"
                        + USER
                        + ",\"currency\":\"JPY\",\"items\":[{\"sku\":\"A\",\"quantity\":1,\"unit_price\":\"100.5\"}]}",
                    400,
                    "items[0].unit_price"),
                order(
                    "unit_price exponent",
                    item("\"A-1\"", "1", "\"1e3\""),
                    400,
                    "items[0].unit_price"),
                order(
                    "unit_price NaN", item("\"A-1\"", "1", "\"NaN\""), 400, "items[0].unit_price"),
                order(
                    "unit_price with comma",
                    item("\"A-1\"", "1", "\"19,99\""),
                    400,
                    "items[0].unit_price"),
                order("all prices zero", item("\"A-1\"", "1", "\"0.00\""), 400, "items"),
                order("sku empty", item("\"\"", "1", "\"1.00\""), 400, "items[0].sku"),
                order(
                    "sku too long",
                    item("\"" + "S".repeat(65) + "\"", "1", "\"1.00\""),
                    400,
                    "items[0].sku"),
                order(
                    "sku with SQL",
                    item("\"'; DROP TABLE orders;--\"", "1", "\"1.00\""),
                    400,
                    "items[0].sku"),
                order(
                    "unknown item field",
                    body(
                        USER,
                        "\"EUR\"",
                        "[{\"sku\":\"A\",\"quantity\":1,\"unit_price\":\"1.00\",\"discount\":\"0.50\"}]"),
                    400,
                    "items[0].discount"),
                order("item fields missing", body(USER, "\"EUR\"", "[{}]"), 400, "items[0].sku")),
            Stream.of(
                payment(
                    "amount as float",
                    "{\"amount\":42.48,\"currency\":\"EUR\",\"reference\":\"R-1\"}",
                    400,
                    "amount"),
                payment(
                    "amount missing",
                    "{\"currency\":\"EUR\",\"reference\":\"R-1\"}",
                    400,
                    "amount"),
                payment(
                    "amount zero",
                    "{\"amount\":\"0.00\",\"currency\":\"EUR\",\"reference\":\"R-1\"}",
                    400,
                    "amount"),
                payment(
                    "amount negative",
                    "{\"amount\":\"-42.48\",\"currency\":\"EUR\",\"reference\":\"R-1\"}",
                    400,
                    "amount"),
                payment(
                    "amount with currency symbol",
                    "{\"amount\":\"€42.48\",\"currency\":\"EUR\",\"reference\":\"R-1\"}",
                    400,
                    "amount"),
                payment(
                    "currency missing",
                    "{\"amount\":\"42.48\",\"reference\":\"R-1\"}",
                    400,
                    "currency"),
                payment(
                    "reference missing",
                    "{\"amount\":\"42.48\",\"currency\":\"EUR\"}",
                    400,
                    "reference"),
                payment(
                    "reference too long",
                    "{\"amount\":\"42.48\",\"currency\":\"EUR\",\"reference\":\""
                        + "R".repeat(129)
                        + "\"}",
                    400,
                    "reference"),
                payment(
                    "reference with SQL",
                    "{\"amount\":\"42.48\",\"currency\":\"EUR\",\"reference\":\"1; DELETE FROM payments\"}",
                    400,
                    "reference"),
                Case.post(
                    "payment for unknown order",
                    "/orders/" + UNKNOWN + "/payments",
                    "{\"amount\":\"42.48\",\"currency\":\"EUR\",\"reference\":\"R-1\"}",
                    404,
                    null),
                Case.post(
                    "payment for malformed order id",
                    "/orders/123/payments",
                    "{\"amount\":\"42.48\",\"currency\":\"EUR\",\"reference\":\"R-1\"}",
                    404,
                    null),
                Case.post("verify without token", "/users/{user}/verify-email", "{}", 400, "token"),
                Case.post(
                    "verify with numeric token",
                    "/users/{user}/verify-email",
                    "{\"token\":1900000000}",
                    400,
                    "token"),
                new Case(
                    "idempotency key too long",
                    "POST",
                    "/users",
                    JSON,
                    "{\"email\":\"c1@example.com\"}".getBytes(StandardCharsets.UTF_8),
                    400,
                    "header:Idempotency-Key"),
                get("unknown user", "/users/" + UNKNOWN, 404),
                get("malformed user id", "/users/%27%20OR%201=1", 404),
                get("unknown route", "/accounts", 404),
                get("admin routes without ADMIN_TOKEN", "/admin/outbox", 404),
                new Case("DELETE on users", "DELETE", "/users", null, null, 405, null),
                new Case("PUT on an order", "PUT", "/orders/{order}", null, null, 405, null)))
        .flatMap(s -> s);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void a_bad_request_is_a_4xx_problem_and_writes_nothing(Case c) {
    long outbox = running.outboxCount();
    long users = running.count("select count(*) from users");
    long orders = running.count("select count(*) from orders");
    long payments = running.count("select count(*) from payments");

    Response response = send(c);

    assertThat(response.status()).as(response.body()).isEqualTo(c.status());
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("status").asInt()).isEqualTo(c.status());
    assertThat(problem.get("type").asText()).isNotBlank();
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("instance").asText()).startsWith("/");
    assertThat(response.body()).doesNotContain("Exception", "at dev.outbox", "SQL", "select ");
    if (c.field() != null) {
      assertThat(problem.get("errors").findValuesAsText("field")).contains(c.field());
    }
    assertThat(running.outboxCount()).isEqualTo(outbox);
    assertThat(running.count("select count(*) from users")).isEqualTo(users);
    assertThat(running.count("select count(*) from orders")).isEqualTo(orders);
    assertThat(running.count("select count(*) from payments")).isEqualTo(payments);
  }

  @org.junit.jupiter.api.Test
  void a_chunked_body_over_64_kib_is_413_without_a_declared_length() {
    long outbox = running.outboxCount();
    byte[] body =
        ("{\"email\":\"big@example.com\",\"x\":\"" + "x".repeat(100_000) + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    Response response = http.postChunked("/users", body);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(running.outboxCount()).isEqualTo(outbox);
  }

  @org.junit.jupiter.api.Test
  void one_problem_names_every_bad_field_at_once() {
    Response response =
        http.postJson(
            "/orders",
            "{\"user_id\":\"x\",\"currency\":\"eur\",\"items\":[{\"sku\":\"A\",\"quantity\":0,"
                + "\"unit_price\":1.5}],\"coupon\":\"FREE\"}");

    assertThat(response.status()).isEqualTo(400);
    JsonNode problem = response.json();
    assertThat(problem.get("type").asText()).isEqualTo("urn:outbox:problem:invalid-request");
    assertThat(problem.get("title").asText()).isEqualTo("The request is invalid");
    assertThat(problem.get("detail").asText()).isEqualTo("5 fields are invalid");
    assertThat(problem.get("instance").asText()).isEqualTo("/orders");
    assertThat(problem.get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder(
            "coupon", "user_id", "currency", "items[0].quantity", "items[0].unit_price");
  }

  private static Response send(Case c) {
    String path = c.path().replace("{user}", userId).replace("{order}", orderId);
    if (c.name().startsWith("idempotency key")) {
      return http.post(path, c.contentType(), c.body(), "Idempotency-Key", "k".repeat(300));
    }
    if (c.body() == null) {
      return http.method(c.method(), path);
    }
    byte[] body =
        new String(c.body(), StandardCharsets.UTF_8).contains("{user}")
            ? new String(c.body(), StandardCharsets.UTF_8)
                .replace("{user}", userId)
                .getBytes(StandardCharsets.UTF_8)
            : c.body();
    return http.post(path, c.contentType(), body);
  }

  private static final String USER = "\"{user}\"";
  private static final String ITEM = "{\"sku\":\"A-1\",\"quantity\":1,\"unit_price\":\"1.00\"}";
  private static final String ITEMS = "[" + ITEM + "]";

  private static Case user(String name, String body, int status, String field) {
    return Case.post(name, "/users", body, status, field);
  }

  private static Case order(String name, String body, int status, String field) {
    return Case.post(name, "/orders", body, status, field);
  }

  private static Case payment(String name, String body, int status, String field) {
    return Case.post(name, "/orders/{order}/payments", body, status, field);
  }

  private static Case get(String name, String path, int status) {
    return new Case(name, "GET", path, null, null, status, null);
  }

  private static String body(String userId, String currency, String items) {
    return "{\"user_id\":" + userId + ",\"currency\":" + currency + ",\"items\":" + items + "}";
  }

  private static String item(String sku, String quantity, String unitPrice) {
    return body(
        USER,
        "\"EUR\"",
        "[{\"sku\":" + sku + ",\"quantity\":" + quantity + ",\"unit_price\":" + unitPrice + "}]");
  }
}
