package dev.outbox.notifier.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.notifier.event.EventPayload.OrderPlaced;
import dev.outbox.notifier.event.EventPayload.PaymentReceived;
import dev.outbox.notifier.event.EventPayload.UserCreated;
import dev.outbox.notifier.event.EventPayload.UserEmailVerified;
import dev.outbox.testing.ContractFixtures;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventEnvelopeParserTest {

  private final EventEnvelopeParser parser = new EventEnvelopeParser();

  @Test
  void parses_the_user_created_contract_fixture() {
    EventEnvelope event = parser.parse(ContractFixtures.bytes("user-created.v1.json"));

    assertThat(event.id()).isEqualTo(UUID.fromString("0190a5c8-1111-7000-8000-000000000001"));
    assertThat(event.type()).isEqualTo("user.created");
    assertThat(event.aggregateType()).isEqualTo("user");
    assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-27T04:20:00.123456Z"));
    assertThat(event.payload())
        .isEqualTo(
            new UserCreated(
                UUID.fromString("0190a5c8-0000-7000-8000-000000000001"),
                "ada@example.com",
                "+15005550006"));
  }

  @Test
  void parses_the_user_email_verified_contract_fixture() {
    EventEnvelope event = parser.parse(ContractFixtures.bytes("user-email-verified.v1.json"));

    assertThat(event.type()).isEqualTo("user.email_verified");
    assertThat(event.payload(UserEmailVerified.class).email()).isEqualTo("ada@example.com");
  }

  @Test
  void parses_the_order_placed_contract_fixture_with_exact_money() {
    EventEnvelope event = parser.parse(ContractFixtures.bytes("order-placed.v1.json"));

    assertThat(event.type()).isEqualTo("order.placed");
    assertThat(event.aggregateType()).isEqualTo("order");
    OrderPlaced order = event.payload(OrderPlaced.class);
    assertThat(order.total()).isEqualTo(new BigDecimal("19.99"));
    assertThat(order.currency()).isEqualTo("EUR");
    assertThat(order.phone()).isNull();
    assertThat(order.items())
        .containsExactly(
            new OrderPlaced.Item("BOOK-1", 2, new BigDecimal("9.50"), new BigDecimal("19.00")),
            new OrderPlaced.Item("PEN-7", 1, new BigDecimal("0.99"), new BigDecimal("0.99")));
  }

  @Test
  void parses_the_payment_received_contract_fixture() {
    EventEnvelope event = parser.parse(ContractFixtures.bytes("payment-received.v1.json"));

    assertThat(event.type()).isEqualTo("payment.received");
    PaymentReceived payment = event.payload(PaymentReceived.class);
    assertThat(payment.amount()).isEqualTo(new BigDecimal("19.99"));
    assertThat(payment.reference()).isEqualTo("PAY-42");
    assertThat(payment.paymentId())
        .isEqualTo(UUID.fromString("0190a5c8-3333-7000-8000-000000000001"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "[]",
        "{\"type\":\"user.created\",\"payload\":{}}",
        "{\"id\":\"nope\",\"type\":\"user.created\",\"aggregate_type\":\"user\","
            + "\"aggregate_id\":\"0190a5c8-0000-7000-8000-000000000001\","
            + "\"occurred_at\":\"2026-11-27T04:20:00Z\",\"payload\":{}}",
        "{\"id\":\"0190a5c8-0000-7000-8000-000000000001\",\"type\":\"user.created\","
            + "\"aggregate_type\":\"user\",\"aggregate_id\":\"0190a5c8-0000-7000-8000-000000000001\","
            + "\"occurred_at\":\"yesterday\",\"payload\":{}}",
        "{\"id\":\"0190a5c8-0000-7000-8000-000000000001\",\"type\":\"user.created\","
            + "\"aggregate_type\":\"user\",\"aggregate_id\":\"0190a5c8-0000-7000-8000-000000000001\","
            + "\"occurred_at\":\"2026-11-27T04:20:00Z\",\"payload\":\"x\"}"
      })
  void rejects_a_body_that_breaks_the_envelope_contract(String body) {
    assertThatThrownBy(() -> parser.parse(body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedEvent.class);
  }

  @Test
  void a_missing_payload_field_is_a_malformed_event_naming_the_field() {
    String body =
        new String(ContractFixtures.bytes("user-created.v1.json"), StandardCharsets.UTF_8)
            .replace("\"phone\": \"+15005550006\"", "\"mobile\": \"+15005550006\"");

    assertThatThrownBy(() -> parser.parse(body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedEvent.class)
        .hasMessageContaining("payload field phone must be a string or null, but is missing");
  }

  @Test
  void a_handler_asking_for_the_payload_of_another_type_is_a_bug_not_a_bad_message() {
    EventEnvelope event = parser.parse(ContractFixtures.bytes("user-created.v1.json"));

    assertThatThrownBy(() -> event.payload(OrderPlaced.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("user.created");
  }
}
