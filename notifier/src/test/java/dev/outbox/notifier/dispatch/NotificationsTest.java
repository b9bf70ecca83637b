package dev.outbox.notifier.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.notifier.dispatch.NotificationRule.Planned;
import dev.outbox.notifier.event.EventEnvelope;
import dev.outbox.notifier.event.EventEnvelopeParser;
import dev.outbox.testing.ContractFixtures;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationsTest {

  private static final Instant NOW = Instant.parse("2026-11-27T04:20:00Z");
  private final VerificationToken tokens = new VerificationToken("test-secret");
  private final List<NotificationRule> rules =
      new Notifications(
              tokens, URI.create("https://shop.example/"), Clock.fixed(NOW, ZoneOffset.UTC))
          .all();

  private static EventEnvelope fixture(String name) {
    return new EventEnvelopeParser().parse(ContractFixtures.bytes(name));
  }

  private Optional<Planned> plan(String rule, EventEnvelope event) {
    return rules.stream()
        .filter(r -> r.name().equals(rule))
        .findFirst()
        .orElseThrow()
        .plan()
        .apply(event);
  }

  @Test
  void welcome_email_links_to_verify_email_with_a_token_valid_for_48_hours() {
    EventEnvelope event = fixture("user-created.v1.json");

    Planned planned = plan("welcome_email", event).orElseThrow();

    String expected =
        tokens.issue(
            java.util.UUID.fromString("0190a5c8-0000-7000-8000-000000000001"),
            "ada@example.com",
            NOW.plus(Notifications.VERIFICATION_VALIDITY));
    assertThat(planned.recipient()).isEqualTo("ada@example.com");
    assertThat(planned.model().get("verification_link"))
        .isEqualTo(
            "https://shop.example/users/0190a5c8-0000-7000-8000-000000000001/verify-email?token="
                + expected);
  }

  @Test
  void welcome_sms_goes_to_the_phone_and_only_when_there_is_one() {
    assertThat(plan("welcome_sms", fixture("user-created.v1.json")).orElseThrow().recipient())
        .isEqualTo("+15005550006");

    String withoutPhone =
        new String(ContractFixtures.bytes("user-created.v1.json"), StandardCharsets.UTF_8)
            .replace("\"+15005550006\"", "null");
    EventEnvelope event =
        new EventEnvelopeParser().parse(withoutPhone.getBytes(StandardCharsets.UTF_8));
    assertThat(plan("welcome_sms", event)).isEmpty();
  }

  @Test
  void order_and_payment_notifications_go_to_the_customer_carried_in_the_event() {
    assertThat(
            plan("order_confirmation_email", fixture("order-placed.v1.json")).orElseThrow().model())
        .containsEntry("total", "19.99")
        .containsEntry("currency", "EUR");
    assertThat(
            plan("payment_receipt_sms", fixture("payment-received.v1.json"))
                .orElseThrow()
                .recipient())
        .isEqualTo("+15005550006");
  }

  @Test
  void an_order_notification_renders_exact_money_and_integer_quantities() {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items =
        (List<Map<String, Object>>)
            plan("order_confirmation_email", fixture("order-placed.v1.json"))
                .orElseThrow()
                .model()
                .get("items");

    assertThat(items.get(0))
        .containsEntry("sku", "BOOK-1")
        .containsEntry("quantity", "2")
        .containsEntry("unit_price", "9.50")
        .containsEntry("line_total", "19.00");
  }
}
