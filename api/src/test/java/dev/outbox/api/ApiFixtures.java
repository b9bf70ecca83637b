package dev.outbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.testing.HttpTestClient;
import dev.outbox.testing.HttpTestClient.Response;
import java.util.UUID;

/** Request bodies and setup steps the route tests share. */
public final class ApiFixtures {

  private ApiFixtures() {}

  public static String uniqueEmail() {
    return "user-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
  }

  public static String userBody(String email) {
    return "{\"email\":\"" + email + "\",\"phone\":\"+14155550100\"}";
  }

  public static String orderBody(String userId) {
    return "{\"user_id\":\""
        + userId
        + "\",\"currency\":\"EUR\",\"items\":["
        + "{\"sku\":\"BOOK-1\",\"quantity\":2,\"unit_price\":\"19.99\"},"
        + "{\"sku\":\"PEN-7\",\"quantity\":1,\"unit_price\":\"2.5\"}]}";
  }

  /** The total of {@link #orderBody}. */
  public static final String ORDER_TOTAL = "42.48";

  public static String paymentBody(String amount) {
    return "{\"amount\":\"" + amount + "\",\"currency\":\"EUR\",\"reference\":\"PAY-123\"}";
  }

  public static String createUser(HttpTestClient http) {
    Response response = http.postJson("/users", userBody(uniqueEmail()));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  public static String placeOrder(HttpTestClient http, String userId) {
    Response response = http.postJson("/orders", orderBody(userId));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("id").asText();
  }
}
