package dev.outbox.notifier.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outbox.json.Json;
import dev.outbox.testing.ContractFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract fixtures with one field at a time given a value of the wrong JSON type (or a string
 * of the wrong form, or removed): every such message is malformed, and the reason names the field
 * and the type it must have. Nothing is coerced.
 */
class StrictContractTest {

  /** What a field must be, as the reason says it, and the wrong values to try on it. */
  enum Kind {
    TEXT("a non-blank string"),
    NULLABLE_TEXT("a string or null"),
    UUID("a UUID string", "\"12345\"", "\"0190a5c8-0000-7000-8000-00000000000\"", "\"1-1-1-1-1\""),
    DECIMAL("a decimal string such as \"19.99\"", "\"19,99\"", "\"1e3\"", "\"-1.00\"", "\"\""),
    CURRENCY("an ISO 4217 currency code string", "\"eur\"", "\"EURO\"", "\"XXX\""),
    INSTANT("an ISO-8601 instant string", "\"yesterday\"", "\"2026-11-27 04:20:00\""),
    INTEGER("an integer"),
    OBJECT("an object"),
    ITEMS("a non-empty array of objects");

    final String expected;
    final List<String> wrongStrings;

    Kind(String expected, String... wrongStrings) {
      this.expected = expected;
      this.wrongStrings = List.of(wrongStrings);
    }
  }

  /** A JSON value of another type, and how the reason describes it; null value = field removed. */
  record Wrong(String json, String described) {}

  private static final Map<String, Kind> ENVELOPE =
      fields("/id", Kind.UUID, "/type", Kind.TEXT, "/aggregate_type", Kind.TEXT)
          .and("/aggregate_id", Kind.UUID, "/occurred_at", Kind.INSTANT, "/payload", Kind.OBJECT);

  private static final Map<String, Map<String, Kind>> PAYLOADS =
      Map.of(
          "user-created.v1.json",
          fields("/user_id", Kind.UUID, "/email", Kind.TEXT, "/phone", Kind.NULLABLE_TEXT),
          "user-email-verified.v1.json",
          fields("/user_id", Kind.UUID, "/email", Kind.TEXT),
          "order-placed.v1.json",
          fields("/order_id", Kind.UUID, "/user_id", Kind.UUID, "/email", Kind.TEXT)
              .and("/phone", Kind.NULLABLE_TEXT, "/currency", Kind.CURRENCY, "/items", Kind.ITEMS)
              .and(
                  "/total",
                  Kind.DECIMAL,
                  "/items/0/sku",
                  Kind.TEXT,
                  "/items/1/quantity",
                  Kind.INTEGER)
              .and("/items/0/unit_price", Kind.DECIMAL, "/items/0/line_total", Kind.DECIMAL),
          "payment-received.v1.json",
          fields("/payment_id", Kind.UUID, "/order_id", Kind.UUID, "/user_id", Kind.UUID)
              .and("/email", Kind.TEXT, "/phone", Kind.NULLABLE_TEXT, "/amount", Kind.DECIMAL)
              .and("/currency", Kind.CURRENCY, "/reference", Kind.TEXT));

  // A plain mapper for the wrong values: the project's would turn 2.0 into the BigDecimal 2.
  private static final ObjectMapper VALUES = new ObjectMapper();

  private final EventEnvelopeParser parser = new EventEnvelopeParser();

  static Stream<Arguments> mutations() {
    List<Arguments> cases = new ArrayList<>();
    PAYLOADS.forEach(
        (fixture, payload) -> {
          ENVELOPE.forEach((pointer, kind) -> addCases(cases, fixture, pointer, kind));
          payload.forEach((pointer, kind) -> addCases(cases, fixture, "/payload" + pointer, kind));
        });
    return cases.stream();
  }

  private static void addCases(List<Arguments> cases, String fixture, String pointer, Kind kind) {
    for (Wrong wrong : wrongValues(kind)) {
      String reason = field(pointer) + " must be " + kind.expected + ", but is " + wrong.described;
      cases.add(Arguments.of(fixture, pointer, wrong.json, reason));
    }
  }

  @ParameterizedTest(name = "{0}: {1} = {2}")
  @MethodSource("mutations")
  void a_field_of_the_wrong_type_is_malformed_and_the_reason_names_field_and_type(
      String fixture, String pointer, String json, String reason) {
    byte[] mutated = mutate(fixture, pointer, json);

    Throwable thrown = catchThrowable(() -> parser.parse(mutated));

    assertThat(thrown)
        .as("%s with %s = %s", fixture, pointer, json)
        .isInstanceOf(MalformedEvent.class)
        .hasMessageContaining(reason);
  }

  @Test
  void the_mutation_table_covers_every_field_of_every_fixture() throws IOException {
    for (var fixture : PAYLOADS.entrySet()) {
      JsonNode payload = tree(fixture.getKey()).get("payload");
      List<String> leaves = new ArrayList<>();
      collect(payload, "", leaves);
      assertThat(fixture.getValue().keySet().stream().map(StrictContractTest::anyItem))
          .as(fixture.getKey())
          .containsAll(leaves.stream().map(StrictContractTest::anyItem).toList());
    }
    assertThat(mutations()).hasSizeGreaterThan(250);
  }

  @Test
  void a_user_created_whose_email_is_a_number_is_malformed_not_the_text_12345() {
    byte[] body = mutate("user-created.v1.json", "/payload/email", "12345");

    assertThatThrownBy(() -> parser.parse(body))
        .isInstanceOf(MalformedEvent.class)
        .hasMessage(
            "user.created event 0190a5c8-1111-7000-8000-000000000001: payload field email must be"
                + " a non-blank string, but is a number");
  }

  @Test
  void an_item_that_is_not_an_object_is_malformed() {
    byte[] body = mutate("order-placed.v1.json", "/payload/items/1", "\"PEN-7\"");

    assertThatThrownBy(() -> parser.parse(body))
        .hasMessageContaining("payload field items[1] must be an object, but is a string");
  }

  @Test
  void an_unknown_event_type_is_malformed() {
    byte[] body = mutate("user-created.v1.json", "/type", "\"user.deleted\"");

    assertThatThrownBy(() -> parser.parse(body))
        .isInstanceOf(MalformedEvent.class)
        .hasMessageContaining("envelope field type must be an event type of docs/events.md")
        .hasMessageContaining("\"user.deleted\"");
  }

  @Test
  void an_aggregate_type_that_does_not_belong_to_the_event_type_is_malformed() {
    byte[] body = mutate("payment-received.v1.json", "/aggregate_type", "\"user\"");

    assertThatThrownBy(() -> parser.parse(body))
        .hasMessageContaining("aggregate_type must be \"order\" for payment.received");
  }

  @Test
  void a_phone_may_be_null_and_unknown_fields_are_ignored() {
    byte[] nullPhone = mutate("user-created.v1.json", "/payload/phone", "null");
    byte[] extra = mutate("order-placed.v1.json", "/payload/coupon", "{\"code\":\"X\"}");

    assertThat(parser.parse(nullPhone).payload(EventPayload.UserCreated.class).phone()).isNull();
    assertThat(parser.parse(extra).type()).isEqualTo("order.placed");
  }

  private static List<Wrong> wrongValues(Kind kind) {
    List<Wrong> wrong = new ArrayList<>();
    wrong.add(new Wrong(null, "missing"));
    wrong.add(new Wrong("true", "a boolean"));
    wrong.add(new Wrong("{\"value\":\"x\"}", "an object"));
    wrong.add(new Wrong("[\"x\"]", "an array"));
    if (kind != Kind.NULLABLE_TEXT) {
      wrong.add(new Wrong("null", "null"));
    }
    if (kind == Kind.INTEGER) {
      wrong.add(new Wrong("\"2\"", "a string"));
      wrong.add(new Wrong("2.5", "a number"));
      wrong.add(new Wrong("2.0", "a number"));
      wrong.add(new Wrong("3000000000", "a number"));
      return wrong;
    }
    if (kind == Kind.OBJECT || kind == Kind.ITEMS) {
      wrong.removeIf(w -> w.described.equals(kind == Kind.OBJECT ? "an object" : "an array"));
      wrong.add(new Wrong("\"x\"", "a string"));
      wrong.add(new Wrong("12345", "a number"));
      if (kind == Kind.ITEMS) {
        wrong.add(new Wrong("[]", "an empty array"));
      }
      return wrong;
    }
    wrong.add(new Wrong("12345", "a number"));
    wrong.add(new Wrong("19.99", "a number"));
    if (kind == Kind.TEXT) {
      wrong.add(new Wrong("\" \"", "blank"));
    }
    for (String text : kind.wrongStrings) {
      wrong.add(new Wrong(text, "the string " + text));
    }
    return wrong;
  }

  private static String anyItem(String pointer) {
    return pointer.replaceAll("/items/\\d+/", "/items/*/");
  }

  private static String field(String pointer) {
    if (!pointer.startsWith("/payload/")) {
      return "envelope field " + pointer.substring(1);
    }
    return "payload field "
        + pointer.substring("/payload/".length()).replaceAll("/(\\d+)/", "[$1].");
  }

  private static byte[] mutate(String fixture, String pointer, String json) {
    try {
      ObjectNode root = (ObjectNode) tree(fixture);
      JsonPointer path = JsonPointer.compile(pointer);
      JsonNode parent = root.at(path.head());
      String name = path.last().getMatchingProperty();
      if (parent instanceof ArrayNode array) {
        array.set(path.last().getMatchingIndex(), VALUES.readTree(json));
      } else if (json == null) {
        ((ObjectNode) parent).remove(name);
      } else {
        ((ObjectNode) parent).set(name, VALUES.readTree(json));
      }
      return root.toString().getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode tree(String fixture) throws IOException {
    return Json.mapper().readTree(ContractFixtures.bytes(fixture));
  }

  private static void collect(JsonNode node, String pointer, List<String> leaves) {
    if (node.isObject()) {
      node.properties().forEach(f -> collect(f.getValue(), pointer + "/" + f.getKey(), leaves));
    } else if (node.isArray()) {
      leaves.add(pointer);
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), pointer + "/" + i, leaves);
      }
    } else {
      leaves.add(pointer);
    }
  }

  private static Fields fields(Object... pairs) {
    return new Fields().and(pairs);
  }

  /** An ordered table of JSON pointer to kind. */
  private static final class Fields extends LinkedHashMap<String, Kind> {
    Fields and(Object... pairs) {
      for (int i = 0; i < pairs.length; i += 2) {
        put((String) pairs[i], (Kind) pairs[i + 1]);
      }
      return this;
    }
  }
}
