package dev.outbox.chaos.check;

import static dev.outbox.chaos.check.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.chaos.observe.OutboxRow;
import dev.outbox.chaos.provider.Channel;
import dev.outbox.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectedNotificationsTest {

  @Test
  void a_user_with_a_phone_gets_a_welcome_email_and_sms_and_one_without_only_the_email() {
    var expected =
        ExpectedNotifications.of(
            List.of(
                row(1, "user.created", "{\"email\":\"a@x.example\",\"phone\":\"+14155550100\"}"),
                row(2, "user.created", "{\"email\":\"b@x.example\",\"phone\":null}")));

    assertThat(expected)
        .containsExactlyInAnyOrder(
            new Notification(id(1), Channel.EMAIL),
            new Notification(id(1), Channel.SMS),
            new Notification(id(2), Channel.EMAIL));
  }

  @Test
  void an_order_gets_its_confirmation_email_and_a_payment_its_receipt_email_and_sms() {
    var expected =
        ExpectedNotifications.of(
            List.of(
                row(1, "order.placed", "{\"email\":\"a@x.example\",\"phone\":\"+14155550100\"}"),
                row(
                    2,
                    "payment.received",
                    "{\"email\":\"a@x.example\",\"phone\":\"+14155550100\"}")));

    assertThat(expected)
        .containsExactlyInAnyOrder(
            new Notification(id(1), Channel.EMAIL),
            new Notification(id(2), Channel.EMAIL),
            new Notification(id(2), Channel.SMS));
  }

  @Test
  void a_verified_email_and_the_suites_own_ticks_call_for_nothing() {
    var expected =
        ExpectedNotifications.of(
            List.of(
                row(1, "user.email_verified", "{\"email\":\"a@x.example\"}"),
                row(2, "chaos.tick", "{\"seq\":1}")));

    assertThat(expected).isEmpty();
  }

  private static OutboxRow row(int n, String type, String payload) {
    try {
      return new OutboxRow(
          id(n), type, "user", "agg", Json.mapper().readTree(payload), true, false);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
