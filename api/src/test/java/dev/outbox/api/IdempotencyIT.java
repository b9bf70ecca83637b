package dev.outbox.api;

import static dev.outbox.api.ApiFixtures.ORDER_TOTAL;
import static dev.outbox.api.ApiFixtures.createUser;
import static dev.outbox.api.ApiFixtures.orderBody;
import static dev.outbox.api.ApiFixtures.paymentBody;
import static dev.outbox.api.ApiFixtures.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.testing.HttpTestClient;
import dev.outbox.testing.HttpTestClient.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on POSTs: one effect per key, the first answer replayed to every retry. */
class IdempotencyIT {

  static final RunningApi running = RunningApi.start("api_idem");
  static final HttpTestClient http = running.http();

  @AfterAll
  static void stop() {
    running.close();
  }

  @Test
  void a_retried_order_with_the_same_key_returns_the_first_response_and_raises_one_event() {
    String userId = createUser(http);
    String key = UUID.randomUUID().toString();

    Response first = http.postJson("/orders", orderBody(userId), "Idempotency-Key", key);
    Response retry = http.postJson("/orders", orderBody(userId), "Idempotency-Key", key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(first.header("Idempotent-Replayed")).isNull();
    assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
    assertThat(running.count("select count(*) from orders where user_id = ?::uuid", userId))
        .isEqualTo(1);
    assertThat(
            running.count(
                "select count(*) from outbox_events where event_type = 'order.placed'"
                    + " and payload->>'user_id' = ?",
                userId))
        .isEqualTo(1);
  }

  @Test
  void the_same_key_with_the_same_fields_in_another_order_is_the_same_request() {
    String key = UUID.randomUUID().toString();
    String email = ApiFixtures.uniqueEmail();

    Response first =
        http.postJson(
            "/users",
            "{\"email\":\"" + email + "\",\"phone\":\"+14155550100\"}",
            "Idempotency-Key",
            key);
    Response retry =
        http.postJson(
            "/users",
            "{ \"phone\" : \"+14155550100\", \"email\" : \"" + email + "\" }",
            "Idempotency-Key",
            key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.body()).isEqualTo(first.body());
  }

  @Test
  void the_same_key_with_another_body_is_a_422_problem_and_changes_nothing() {
    String userId = createUser(http);
    String key = UUID.randomUUID().toString();
    http.postJson("/orders", orderBody(userId), "Idempotency-Key", key);
    long events = running.outboxCount();

    Response reused =
        http.postJson(
            "/orders",
            orderBody(userId).replace("\"quantity\":2", "\"quantity\":3"),
            "Idempotency-Key",
            key);
    Response otherRoute =
        http.postJson(
            "/users", ApiFixtures.userBody(ApiFixtures.uniqueEmail()), "Idempotency-Key", key);

    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.contentType()).startsWith("application/problem+json");
    assertThat(reused.json().get("type").asText())
        .isEqualTo("urn:outbox:problem:idempotency-key-reused");
    assertThat(otherRoute.status()).isEqualTo(422);
    assertThat(running.outboxCount()).isEqualTo(events);
  }

  @Test
  void a_retried_payment_is_recorded_once() {
    String orderId = placeOrder(http, createUser(http));
    String key = UUID.randomUUID().toString();
    String path = "/orders/" + orderId + "/payments";

    Response first = http.postJson(path, paymentBody(ORDER_TOTAL), "Idempotency-Key", key);
    Response retry = http.postJson(path, paymentBody(ORDER_TOTAL), "Idempotency-Key", key);
    Response withoutKey = http.postJson(path, paymentBody(ORDER_TOTAL));

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(withoutKey.status()).isEqualTo(409);
    assertThat(running.outbox(orderId)).hasSize(2);
  }

  @Test
  void a_refused_request_does_not_use_up_its_key() {
    String userId = createUser(http);
    String key = UUID.randomUUID().toString();

    Response invalid =
        http.postJson(
            "/orders", orderBody(userId).replace("\"EUR\"", "\"EURO\""), "Idempotency-Key", key);
    Response valid = http.postJson("/orders", orderBody(userId), "Idempotency-Key", key);

    assertThat(invalid.status()).isEqualTo(400);
    assertThat(valid.status()).isEqualTo(201);
  }

  @Test
  void a_key_that_is_too_long_or_not_visible_ascii_is_400() {
    String userId = createUser(http);

    Response tooLong =
        http.postJson("/orders", orderBody(userId), "Idempotency-Key", "k".repeat(256));
    Response spaces = http.postJson("/orders", orderBody(userId), "Idempotency-Key", "a key");

    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().get("errors").get(0).get("field").asText())
        .isEqualTo("header:Idempotency-Key");
    assertThat(spaces.status()).isEqualTo(400);
    assertThat(running.count("select count(*) from orders where user_id = ?::uuid", userId))
        .isZero();
  }

  @Test
  void concurrent_retries_with_one_key_create_one_order_and_one_event() throws Exception {
    String userId = createUser(http);
    String key = UUID.randomUUID().toString();
    int clients = 8;
    CountDownLatch ready = new CountDownLatch(clients);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<Response>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < clients; i++) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  assertThat(go.await(10, TimeUnit.SECONDS)).isTrue();
                  return http.postJson("/orders", orderBody(userId), "Idempotency-Key", key);
                }));
      }
      assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      List<Response> responses = new ArrayList<>();
      for (Future<Response> future : futures) {
        responses.add(future.get(30, TimeUnit.SECONDS));
      }

      assertThat(responses).extracting(Response::status).containsOnly(201);
      assertThat(responses).extracting(Response::body).containsOnly(responses.get(0).body());
      assertThat(running.count("select count(*) from orders where user_id = ?::uuid", userId))
          .isEqualTo(1);
      assertThat(
              running.count(
                  "select count(*) from outbox_events where event_type = 'order.placed'"
                      + " and payload->>'user_id' = ?",
                  userId))
          .isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
