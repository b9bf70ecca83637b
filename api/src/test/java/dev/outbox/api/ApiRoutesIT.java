package dev.outbox.api;

import static dev.outbox.api.ApiFixtures.ORDER_TOTAL;
import static dev.outbox.api.ApiFixtures.createUser;
import static dev.outbox.api.ApiFixtures.orderBody;
import static dev.outbox.api.ApiFixtures.paymentBody;
import static dev.outbox.api.ApiFixtures.placeOrder;
import static dev.outbox.api.ApiFixtures.uniqueEmail;
import static dev.outbox.api.ApiFixtures.userBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outbox.testing.HttpTestClient;
import dev.outbox.testing.HttpTestClient.Response;
import dev.outbox.testing.OutboxRows.Row;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The happy path of every route, with the outbox row each write produces. */
class ApiRoutesIT {

  static final RunningApi running = RunningApi.start("api_routes");
  static final HttpTestClient http = running.http();

  @AfterAll
  static void stop() {
    running.close();
  }

  @Test
  void registering_a_user_answers_201_and_writes_user_created() {
    String email = uniqueEmail();

    Response response = http.postJson("/users", userBody(email.toUpperCase()));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.contentType()).startsWith("application/json");
    JsonNode user = response.json();
    String id = user.get("id").asText();
    assertThat(response.header("Location")).isEqualTo("/users/" + id);
    assertThat(user.get("email").asText()).isEqualTo(email);
    assertThat(user.get("phone").asText()).isEqualTo("+14155550100");
    assertThat(user.get("email_verified").asBoolean()).isFalse();
    assertThat(user.has("created_at")).isTrue();
    assertThat(running.outbox(id))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.aggregateType()).isEqualTo("user");
              assertThat(row.eventType()).isEqualTo("user.created");
              assertThat(row.payload().get("user_id").asText()).isEqualTo(id);
              assertThat(row.payload().get("email").asText()).isEqualTo(email);
              assertThat(row.payload().get("phone").asText()).isEqualTo("+14155550100");
            });
  }

  @Test
  void a_user_without_phone_gets_a_null_phone_in_response_and_event() {
    Response response = http.postJson("/users", "{\"email\":\"" + uniqueEmail() + "\"}");

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.json().get("phone").isNull()).isTrue();
    assertThat(
            running
                .outbox(response.json().get("id").asText())
                .get(0)
                .payload()
                .get("phone")
                .isNull())
        .isTrue();
  }

  @Test
  void reading_a_user_returns_what_was_registered() {
    String id = createUser(http);

    Response response = http.get("/users/" + id);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("id").asText()).isEqualTo(id);
    assertThat(running.outbox(id)).hasSize(1);
  }

  @Test
  void registering_an_email_twice_is_a_409_problem_naming_the_email() {
    String email = uniqueEmail();
    http.postJson("/users", userBody(email));
    long events = running.outboxCount();

    Response response = http.postJson("/users", userBody(email));

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("email");
    assertThat(running.outboxCount()).isEqualTo(events);
  }

  @Test
  void placing_an_order_answers_201_and_writes_order_placed_with_the_customer() {
    String userId = createUser(http);

    Response response = http.postJson("/orders", orderBody(userId));

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode order = response.json();
    String id = order.get("id").asText();
    assertThat(response.header("Location")).isEqualTo("/orders/" + id);
    assertThat(order.get("status").asText()).isEqualTo("placed");
    assertThat(order.get("total").asText()).isEqualTo(ORDER_TOTAL);
    assertThat(order.get("balance").asText()).isEqualTo(ORDER_TOTAL);
    assertThat(order.get("items").get(1).get("unit_price").asText()).isEqualTo("2.50");
    assertThat(order.get("items").get(0).get("line_total").asText()).isEqualTo("39.98");
    Row row = running.outbox(id).get(0);
    assertThat(row.aggregateType()).isEqualTo("order");
    assertThat(row.eventType()).isEqualTo("order.placed");
    assertThat(row.payload().get("order_id").asText()).isEqualTo(id);
    assertThat(row.payload().get("user_id").asText()).isEqualTo(userId);
    assertThat(row.payload().get("email").asText()).endsWith("@example.com");
    assertThat(row.payload().get("phone").asText()).isEqualTo("+14155550100");
    assertThat(row.payload().get("currency").asText()).isEqualTo("EUR");
    assertThat(row.payload().get("total").asText()).isEqualTo(ORDER_TOTAL);
    assertThat(row.payload().get("items")).hasSize(2);
    assertThat(row.payload().get("items").get(0).get("sku").asText()).isEqualTo("BOOK-1");
    assertThat(row.payload().get("items").get(0).get("unit_price").asText()).isEqualTo("19.99");
  }

  @Test
  void reading_an_order_returns_its_lines() {
    String orderId = placeOrder(http, createUser(http));

    Response response = http.get("/orders/" + orderId);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("items")).hasSize(2);
    assertThat(response.json().get("payments")).isEmpty();
  }

  @Test
  void paying_the_balance_answers_201_writes_payment_received_and_settles_the_order() {
    String userId = createUser(http);
    String orderId = placeOrder(http, userId);

    Response response = http.postJson("/orders/" + orderId + "/payments", paymentBody(ORDER_TOTAL));

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode payment = response.json();
    assertThat(payment.get("order_id").asText()).isEqualTo(orderId);
    assertThat(payment.get("amount").asText()).isEqualTo(ORDER_TOTAL);
    assertThat(payment.get("reference").asText()).isEqualTo("PAY-123");
    assertThat(running.outbox(orderId))
        .extracting(Row::eventType)
        .containsExactly("order.placed", "payment.received");
    JsonNode event = running.outbox(orderId).get(1).payload();
    assertThat(event.get("payment_id").asText()).isEqualTo(payment.get("id").asText());
    assertThat(event.get("amount").asText()).isEqualTo(ORDER_TOTAL);
    assertThat(event.get("user_id").asText()).isEqualTo(userId);
    assertThat(event.get("reference").asText()).isEqualTo("PAY-123");
    JsonNode order = http.get("/orders/" + orderId).json();
    assertThat(order.get("status").asText()).isEqualTo("paid");
    assertThat(order.get("balance").asText()).isEqualTo("0.00");
  }

  @Test
  void paying_a_paid_order_is_a_409_problem_without_a_second_event() {
    String orderId = placeOrder(http, createUser(http));
    http.postJson("/orders/" + orderId + "/payments", paymentBody(ORDER_TOTAL));

    Response response = http.postJson("/orders/" + orderId + "/payments", paymentBody(ORDER_TOTAL));

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(running.outbox(orderId)).hasSize(2);
  }

  @Test
  void paying_another_amount_than_the_balance_is_a_422_problem_naming_amount() {
    String orderId = placeOrder(http, createUser(http));

    Response response = http.postJson("/orders/" + orderId + "/payments", paymentBody("42.47"));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("type").asText()).isEqualTo("urn:outbox:problem:business-rule");
    assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("amount");
    assertThat(running.outbox(orderId)).hasSize(1);
  }

  @Test
  void paying_in_another_currency_is_a_422_problem_naming_currency() {
    String orderId = placeOrder(http, createUser(http));

    Response response =
        http.postJson(
            "/orders/" + orderId + "/payments",
            "{\"amount\":\"42.48\",\"currency\":\"USD\",\"reference\":\"PAY-9\"}");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("currency");
  }

  @Test
  void the_openapi_document_lists_exactly_the_routes_the_server_registered() {
    Response response = http.get("/openapi.json");

    assertThat(response.status()).isEqualTo(200);
    JsonNode document = response.json();
    assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
    Set<ApiServer.Route> documented = new HashSet<>();
    for (var path : document.get("paths").properties()) {
      for (var operation : path.getValue().properties()) {
        documented.add(
            new ApiServer.Route(operation.getKey().toUpperCase(Locale.ROOT), path.getKey()));
      }
    }
    assertThat(running.api().routes()).hasSizeGreaterThanOrEqualTo(12);
    assertThat(documented).containsExactlyInAnyOrderElementsOf(running.api().routes());
  }

  @Test
  void unknown_ids_are_404_problems() {
    String unknown = "0190a5c8-0000-7000-8000-000000000999";

    assertThat(http.get("/users/" + unknown).status()).isEqualTo(404);
    assertThat(http.get("/orders/" + unknown).status()).isEqualTo(404);
    assertThat(http.get("/orders/not-a-uuid").status()).isEqualTo(404);
    assertThat(http.postJson("/orders", orderBody(unknown)).status()).isEqualTo(404);
    Response payment = http.postJson("/orders/" + unknown + "/payments", paymentBody("1.00"));
    assertThat(payment.status()).isEqualTo(404);
    assertThat(payment.contentType()).startsWith("application/problem+json");
    assertThat(payment.json().get("instance").asText())
        .isEqualTo("/orders/" + unknown + "/payments");
  }
}
