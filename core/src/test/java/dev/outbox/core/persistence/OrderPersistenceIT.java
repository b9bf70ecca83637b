package dev.outbox.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outbox.core.application.EmailVerificationTokens;
import dev.outbox.core.application.PlaceOrderCommand;
import dev.outbox.core.application.RecordPaymentCommand;
import dev.outbox.core.application.RegisterUserCommand;
import dev.outbox.core.application.UseCases;
import dev.outbox.core.domain.order.IllegalOrderTransition;
import dev.outbox.core.domain.order.Order;
import dev.outbox.core.domain.order.OrderFixture;
import dev.outbox.core.domain.order.OrderLine;
import dev.outbox.core.domain.order.OrderStatus;
import dev.outbox.core.domain.order.Payment;
import dev.outbox.core.domain.user.User;
import dev.outbox.core.domain.user.UserId;
import dev.outbox.core.domain.user.UserNotFound;
import dev.outbox.json.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class OrderPersistenceIT {

  static final CoreDatabase db = CoreDatabase.create("core_orders");
  static final Clock clock = Clock.systemUTC();
  static final UseCases useCases =
      db.persistence().useCases(new EmailVerificationTokens("it-secret", clock), clock);

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  static final List<PlaceOrderCommand.Item> ITEMS =
      List.of(
          new PlaceOrderCommand.Item("BOOK-42", 2, "19.99"),
          new PlaceOrderCommand.Item("PEN-1", 1, "2.5"));

  User register(String email) {
    return useCases.registerUser().execute(new RegisterUserCommand(email, "+4915112345678"));
  }

  Order placeOrder(User user) {
    return useCases.placeOrder().execute(new PlaceOrderCommand(user.id(), "EUR", ITEMS));
  }

  @Test
  void placing_and_paying_an_order_write_order_placed_and_payment_received_with_their_payloads()
      throws Exception {
    User ada = register("ada@example.com");
    Order order = placeOrder(ada);
    Payment payment =
        useCases
            .recordPayment()
            .execute(new RecordPaymentCommand(order.id(), "42.48", "EUR", "bank-transfer-7781"));

    List<Map<String, Object>> rows =
        db.rows(
            "select aggregate_type, event_type, payload::text as payload from outbox_events"
                + " where aggregate_id = ? order by id",
            order.id().value());
    assertThat(rows)
        .extracting(r -> r.get("event_type"))
        .containsExactly("order.placed", "payment.received");
    assertThat(rows).extracting(r -> r.get("aggregate_type")).containsOnly("order");
    String ids =
        "\"order_id\":\"%s\",\"user_id\":\"%s\",\"email\":\"ada@example.com\",\"phone\":\"+4915112345678\""
            .formatted(order.id(), ada.id());
    assertThat(json(rows.get(0)))
        .isEqualTo(
            Json.mapper()
                .readTree(
                    "{"
                        + ids
                        + ",\"currency\":\"EUR\",\"items\":["
                        + "{\"sku\":\"BOOK-42\",\"quantity\":2,\"unit_price\":\"19.99\",\"line_total\":\"39.98\"},"
                        + "{\"sku\":\"PEN-1\",\"quantity\":1,\"unit_price\":\"2.50\",\"line_total\":\"2.50\"}],"
                        + "\"total\":\"42.48\"}"));
    assertThat(json(rows.get(1)))
        .isEqualTo(
            Json.mapper()
                .readTree(
                    "{\"payment_id\":\"%s\",".formatted(payment.id())
                        + ids
                        + ",\"amount\":\"42.48\",\"currency\":\"EUR\",\"reference\":\"bank-transfer-7781\"}"));
  }

  @Test
  void an_order_reads_back_with_its_lines_payments_and_exact_amounts() {
    Order order = placeOrder(register("readback@example.com"));
    Payment payment =
        useCases
            .recordPayment()
            .execute(new RecordPaymentCommand(order.id(), "42.48", "EUR", "ref-1"));

    Order loaded = useCases.getOrder().execute(order.id());

    assertThat(loaded.status()).isEqualTo(OrderStatus.PAID);
    assertThat(loaded.total().toDecimalString()).isEqualTo("42.48");
    assertThat(loaded.lines())
        .containsExactly(
            new OrderLine("BOOK-42", 2, OrderFixture.eur("19.99")),
            new OrderLine("PEN-1", 1, OrderFixture.eur("2.50")));
    assertThat(loaded.payments())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.id()).isEqualTo(payment.id());
              assertThat(p.amount().toDecimalString()).isEqualTo("42.48");
              assertThat(p.reference()).isEqualTo("ref-1");
            });
    assertThat(loaded.balance().isZero()).isTrue();
  }

  @Test
  void paying_a_paid_order_again_is_refused_and_writes_nothing() {
    Order order = placeOrder(register("twice@example.com"));
    var command = new RecordPaymentCommand(order.id(), "42.48", "EUR", "ref-1");
    useCases.recordPayment().execute(command);

    assertThatThrownBy(() -> useCases.recordPayment().execute(command))
        .isInstanceOf(IllegalOrderTransition.class);

    assertThat(db.count("select count(*) from payments where order_id = ?", order.id().value()))
        .isEqualTo(1);
    assertThat(
            db.count(
                "select count(*) from outbox_events where aggregate_id = ?", order.id().value()))
        .isEqualTo(2);
  }

  @Test
  void two_concurrent_payments_of_one_order_settle_it_once() throws Exception {
    Order order = placeOrder(register("race@example.com"));
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<Future<Payment>> results = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String reference = "ref-" + i;
      results.add(
          threads.submit(
              () -> {
                start.await(10, TimeUnit.SECONDS);
                return useCases
                    .recordPayment()
                    .execute(new RecordPaymentCommand(order.id(), "42.48", "EUR", reference));
              }));
    }
    int paid = 0;
    for (Future<Payment> result : results) {
      try {
        result.get(30, TimeUnit.SECONDS);
        paid++;
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(IllegalOrderTransition.class);
      }
    }
    threads.shutdown();

    assertThat(paid).isEqualTo(1);
    assertThat(db.count("select count(*) from payments where order_id = ?", order.id().value()))
        .isEqualTo(1);
    assertThat(
            db.count(
                "select count(*) from outbox_events where aggregate_id = ?"
                    + " and event_type = 'payment.received'",
                order.id().value()))
        .isEqualTo(1);
  }

  @Test
  void placing_an_order_for_an_unknown_user_writes_nothing() {
    long before = db.count("select count(*) from outbox_events");

    assertThatThrownBy(
            () ->
                useCases
                    .placeOrder()
                    .execute(new PlaceOrderCommand(UserId.generate(), "EUR", ITEMS)))
        .isInstanceOf(UserNotFound.class);

    assertThat(db.count("select count(*) from outbox_events")).isEqualTo(before);
  }

  private static JsonNode json(Map<String, Object> row) throws Exception {
    return Json.mapper().readTree((String) row.get("payload"));
  }
}
