package dev.outbox.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outbox.core.domain.DomainEvent;
import dev.outbox.core.domain.order.Money;
import dev.outbox.core.domain.order.OrderEvent.OrderPlaced;
import dev.outbox.core.domain.order.OrderEvent.PaymentReceived;
import dev.outbox.core.domain.order.OrderId;
import dev.outbox.core.domain.order.OrderLine;
import dev.outbox.core.domain.order.PaymentId;
import dev.outbox.core.domain.user.Email;
import dev.outbox.core.domain.user.PhoneNumber;
import dev.outbox.core.domain.user.UserEvent.UserCreated;
import dev.outbox.core.domain.user.UserEvent.UserEmailVerified;
import dev.outbox.core.domain.user.UserId;
import dev.outbox.json.Json;
import dev.outbox.testing.ContractFixtures;
import java.io.IOException;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The envelope the relay builds from an outbox row (docs/events.md) must equal the contract
 * fixtures of the testing module ({@link ContractFixtures}), which the notifier's tests parse.
 */
class OutboxContractTest {

  static final UserId ADA = new UserId(UUID.fromString("0190a5c8-0000-7000-8000-000000000001"));
  static final Email ADA_EMAIL = new Email("ada@example.com");
  static final PhoneNumber ADA_PHONE = new PhoneNumber("+15005550006");
  static final OrderId ORDER = new OrderId(UUID.fromString("0190a5c8-2222-7000-8000-000000000001"));
  static final Currency EUR = Currency.getInstance("EUR");

  final OutboxEventFactory factory = new OutboxEventFactory();

  @Test
  void user_created_matches_its_contract_fixture() throws IOException {
    var event = new UserCreated(eventId(1), at("04:20:00.123456"), ADA, ADA_EMAIL, ADA_PHONE);

    assertThat(envelope(event)).isEqualTo(fixture("user-created.v1.json"));
  }

  @Test
  void user_created_without_phone_carries_a_null_phone() throws IOException {
    UserId grace = new UserId(UUID.fromString("0190a5c8-0000-7000-8000-000000000002"));
    var event =
        new UserCreated(
            eventId(5), at("04:20:00.123456"), grace, new Email("grace@example.com"), null);

    assertThat(envelope(event)).isEqualTo(fixture("user-created-without-phone.v1.json"));
  }

  @Test
  void user_email_verified_matches_its_contract_fixture() throws IOException {
    var event = new UserEmailVerified(eventId(2), at("04:25:00.000001"), ADA, ADA_EMAIL);

    assertThat(envelope(event)).isEqualTo(fixture("user-email-verified.v1.json"));
  }

  @Test
  void order_placed_matches_its_contract_fixture() throws IOException {
    List<OrderLine> lines =
        List.of(
            new OrderLine("BOOK-1", 2, Money.parse("unit_price", "9.5", EUR)),
            new OrderLine("PEN-7", 1, Money.parse("unit_price", "0.99", EUR)));
    var event =
        new OrderPlaced(
            eventId(3),
            at("04:30:00.5"),
            ORDER,
            ADA,
            ADA_EMAIL,
            null, // the fixture's customer gave no phone
            lines,
            Money.parse("total", "19.99", EUR));

    assertThat(envelope(event)).isEqualTo(fixture("order-placed.v1.json"));
  }

  @Test
  void payment_received_matches_its_contract_fixture() throws IOException {
    var event =
        new PaymentReceived(
            eventId(4),
            at("04:35:00"),
            new PaymentId(UUID.fromString("0190a5c8-3333-7000-8000-000000000001")),
            ORDER,
            ADA,
            ADA_EMAIL,
            ADA_PHONE,
            Money.parse("amount", "19.99", EUR),
            "PAY-42");

    assertThat(envelope(event)).isEqualTo(fixture("payment-received.v1.json"));
  }

  /** What the relay publishes for the row: id, event_type, aggregate columns, created_at. */
  private JsonNode envelope(DomainEvent event) {
    OutboxEvent row = factory.create(event);
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("id", row.id());
    envelope.put("type", row.eventType());
    envelope.put("aggregate_type", row.aggregateType());
    envelope.put("aggregate_id", row.aggregateId());
    envelope.put("occurred_at", row.createdAt().toString());
    envelope.put("payload", row.payload());
    return Json.mapper().valueToTree(envelope);
  }

  private static JsonNode fixture(String name) throws IOException {
    ObjectNode node = (ObjectNode) Json.mapper().readTree(ContractFixtures.bytes(name));
    // The instant is the contract, not its spelling (".5Z" and ".500Z" are the same time).
    node.put("occurred_at", Instant.parse(node.get("occurred_at").asText()).toString());
    return node;
  }

  /** The fixtures' event ids: 0190a5c8-1111-7000-8000-00000000000n. */
  private static UUID eventId(int n) {
    return UUID.fromString(String.format("0190a5c8-1111-7000-8000-%012d", n));
  }

  private static Instant at(String time) {
    return Instant.parse("2026-11-27T" + time + "Z");
  }
}
