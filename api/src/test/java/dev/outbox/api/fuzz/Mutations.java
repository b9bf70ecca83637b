package dev.outbox.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map.Entry;
import java.util.Random;

/**
 * One change to a valid body, as JSON text: a field removed, of the wrong type, an edge number, a
 * unicode or very long string, a stranger field, a duplicate key. Raw JSON literals (1e400, a lone
 * surrogate escape) go in through a placeholder, since a tree cannot hold them.
 */
final class Mutations {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String RAW = "\"__raw__\"";

  static final List<String> SHAPES =
      List.of(
          "field-removed",
          "wrong-type",
          "number-edge",
          "unicode",
          "long-string",
          "extra-field",
          "duplicate-key");

  private static final List<String> WRONG_TYPES =
      List.of("12345", "true", "null", "[]", "{}", "[\"a\"]", "{\"a\":1}", "\"2\"", "0", "\"\"");
  private static final List<String> NUMBERS =
      List.of(
          "1e400",
          "-1e400",
          "1E-400",
          "-1",
          "0",
          "-0",
          "2.0",
          "1e2",
          "0.1",
          "10001",
          "2147483648",
          "-2147483649",
          "9223372036854775808",
          "123456789012345678901234567890",
          "\"1e3\"",
          "\"-1.00\"",
          "\"0.00\"",
          "\"00.10\"",
          "\".5\"",
          "\"5.\"",
          "\"NaN\"",
          "\"Infinity\"",
          "\"-0.00\"",
          "\"9999999999999999999999.99\"",
          "\"1,00\"",
          "\"+1.00\"",
          "\" 1.00\"",
          "\"\\u0661\\u0662\"",
          "\"0x10\"",
          "\"1_000\"",
          "\"99999999999999999.99\"");
  private static final List<String> UNICODE =
      List.of(
          "\"ädä@exämple.com\"",
          "\"\\ud83d\\ude00@example.com\"",
          "\"a\\u0000b\"",
          "\"\\u202eabc@example.com\"",
          "\"\\ud800\"",
          "\"\\udfff@example.com\"",
          "\"ＥＵＲ\"",
          "\"e\\u0301\"",
          "\"SKU-\\u00a0\"",
          "\"\\ufeffEUR\"",
          "\"+１４１５５５５０１００\"",
          "\"用户@例子.广告\"",
          "\"\\u0130@example.com\"",
          "\"PAY-\\u2028\"",
          "\"\\uffff\"");

  private final Random random;

  Mutations(Random random) {
    this.random = random;
  }

  String apply(String shape, ObjectNode valid) {
    ObjectNode body = valid.deepCopy();
    List<Entry<ObjectNode, String>> slots = slots(body, new ArrayList<>());
    Entry<ObjectNode, String> slot = slots.get(random.nextInt(slots.size()));
    return switch (shape) {
      case "field-removed" -> {
        slot.getKey().remove(slot.getValue());
        yield body.toString();
      }
      case "wrong-type" -> raw(body, slot, pick(WRONG_TYPES));
      case "number-edge" -> raw(body, slot, pick(NUMBERS));
      case "unicode" -> raw(body, slot, pick(UNICODE));
      case "long-string" -> {
        int length = List.of(65, 129, 255, 256, 1_000, 10_000, 60_000).get(random.nextInt(7));
        String text = "a".repeat(length);
        slot.getKey().put(slot.getValue(), random.nextBoolean() ? text : text + "@example.com");
        yield body.toString();
      }
      case "extra-field" -> {
        String name =
            List.of("phone_number", "id", "status", "__proto__", "").get(random.nextInt(5));
        slot.getKey().put(name, "x");
        yield body.toString();
      }
      case "duplicate-key" -> duplicateKey(body, slot);
      default -> throw new IllegalArgumentException(shape);
    };
  }

  private String raw(ObjectNode body, Entry<ObjectNode, String> slot, String literal) {
    slot.getKey().put(slot.getValue(), "__raw__");
    return body.toString().replace(RAW, literal);
  }

  /** The slot's field written twice: first with another value, then with its own. */
  private String duplicateKey(ObjectNode body, Entry<ObjectNode, String> slot) {
    JsonNode own = slot.getKey().get(slot.getValue());
    String other = random.nextBoolean() ? own.toString() : pick(WRONG_TYPES);
    ObjectNode marker = NODES.objectNode();
    marker.put("__dup__", 0);
    marker.setAll(slot.getKey());
    slot.getKey().removeAll();
    slot.getKey().setAll(marker);
    String name = NODES.textNode(slot.getValue()).toString();
    return body.toString().replace("\"__dup__\":0", name + ":" + other);
  }

  /** Every (object, field) pair of a tree, so a mutation can hit the fields of an item too. */
  private static List<Entry<ObjectNode, String>> slots(
      JsonNode node, List<Entry<ObjectNode, String>> into) {
    if (node instanceof ObjectNode object) {
      object.fieldNames().forEachRemaining(name -> into.add(new SimpleEntry<>(object, name)));
      object.elements().forEachRemaining(child -> slots(child, into));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> slots(child, into));
    }
    return into;
  }

  private String pick(List<String> list) {
    return list.get(random.nextInt(list.size()));
  }
}
