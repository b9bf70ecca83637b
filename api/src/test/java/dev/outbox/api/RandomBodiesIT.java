package dev.outbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outbox.json.Json;
import dev.outbox.testing.HttpTestClient;
import dev.outbox.testing.HttpTestClient.Response;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Thousands of random bodies against every POST route: never a 5xx, every refusal a problem, and a
 * refused request leaves the outbox as it was.
 */
class RandomBodiesIT {

  static RunningApi running;
  static HttpTestClient http;
  static String userId;
  static String orderId;

  @BeforeContainer
  static void start() {
    running = RunningApi.start("api_fuzz", Map.of());
    http = running.http();
    userId = ApiFixtures.createUser(http);
    orderId = ApiFixtures.placeOrder(http, userId);
  }

  @AfterContainer
  static void stop() {
    running.close();
  }

  @Property(tries = 500, edgeCases = EdgeCasesMode.MIXIN)
  void random_user_bodies_never_fail_the_server(@ForAll("users") String body) {
    assertHandled("/users", body);
  }

  @Property(tries = 500, edgeCases = EdgeCasesMode.MIXIN)
  void random_order_bodies_never_fail_the_server(@ForAll("orders") String body) {
    assertHandled("/orders", body);
  }

  @Property(tries = 500, edgeCases = EdgeCasesMode.MIXIN)
  void random_payment_bodies_never_fail_the_server(@ForAll("payments") String body) {
    assertHandled("/orders/" + orderId + "/payments", body);
  }

  @Property(tries = 500, edgeCases = EdgeCasesMode.MIXIN)
  void random_verification_bodies_never_fail_the_server(@ForAll("verifications") String body) {
    assertHandled("/users/" + userId + "/verify-email", body);
  }

  @Provide
  Arbitrary<String> users() {
    return RandomBodies.bodies(
        json(ApiFixtures.userBody("ada@example.com")),
        List.of("email", "phone"),
        Arbitraries.oneOf(
            Arbitraries.of("Ada@Example.COM", "+14155550100", "+1", "a@b", "", " "),
            Arbitraries.strings()
                .alpha()
                .numeric()
                .ofMinLength(1)
                .ofMaxLength(12)
                .map(s -> s + "@example.com")));
  }

  @Provide
  Arbitrary<String> orders() {
    return RandomBodies.bodies(
        json(ApiFixtures.orderBody(userId)),
        List.of("user_id", "currency", "items", "sku", "quantity", "unit_price"),
        Arbitraries.of(
            userId,
            "EUR",
            "JPY",
            "KWD",
            "usd",
            "19.99",
            "0.00",
            "0.001",
            "-1",
            "1e3",
            "999999999999.99",
            "SKU-1",
            "00000000-0000-0000-0000-000000000000"));
  }

  @Provide
  Arbitrary<String> payments() {
    return RandomBodies.bodies(
        json(ApiFixtures.paymentBody(ApiFixtures.ORDER_TOTAL)),
        List.of("amount", "currency", "reference"),
        Arbitraries.of(
            ApiFixtures.ORDER_TOTAL, "42.4", "42.480", "1.00", "EUR", "USD", "REF-1", "a b"));
  }

  @Provide
  Arbitrary<String> verifications() {
    return RandomBodies.bodies(
        json("{\"token\":\"1900000000.YVmBZdLXOiPnw-5JoTbnamkmow6SjG3yXlAs99vwwRQ\"}"),
        List.of("token"),
        Arbitraries.of("1900000000.YVmBZdLXOiPnw-5JoTbnamkmow6SjG3yXlAs99vwwRQ", "0.x", "1.", "."));
  }

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertHandled(String path, String body) {
    long before = running.outboxCount();

    Response response = http.postJson(path, body);

    Statistics.collect(response.status());
    assertThat(response.status()).as(body + " -> " + response.body()).isBetween(200, 499);
    if (response.status() >= 400) {
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(running.outboxCount()).as(body).isEqualTo(before);
    } else {
      assertThat(running.outboxCount() - before).as(body).isBetween(0L, 1L);
    }
  }
}
