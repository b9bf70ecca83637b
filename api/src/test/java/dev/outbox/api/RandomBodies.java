package dev.outbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random request bodies that look enough like the real thing to reach deep into validation: JSON
 * objects over a route's own field names plus strangers, whose values mix near-valid strings
 * (emails, currencies, amounts, UUIDs) with wrong types, nulls and nesting; and raw text that is
 * not JSON at all.
 */
public final class RandomBodies {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RandomBodies() {}

  /**
   * Bodies for a route that knows {@code fields} and accepts {@code valid}: about half are {@code
   * valid} with one to three fields removed, replaced or joined by a stranger (these reach the use
   * case: 2xx, 404, 409, 422), the rest free-form objects over the field names and non-JSON text.
   */
  public static Arbitrary<String> bodies(
      ObjectNode valid, List<String> fields, Arbitrary<String> plausible) {
    return Arbitraries.frequencyOf(
        Tuple.of(5, mutations(valid, plausible)),
        Tuple.of(4, objects(fields, plausible, 2).map(JsonNode::toString)),
        Tuple.of(1, Arbitraries.strings().ofMaxLength(80)),
        Tuple.of(1, objects(fields, plausible, 2).map(RandomBodies::truncated)));
  }

  private static Arbitrary<String> mutations(ObjectNode valid, Arbitrary<String> plausible) {
    Arbitrary<JsonNode> values = values(List.of("x"), plausible, 1);
    return Combinators.combine(
            Arbitraries.integers().between(0, 1_000).list().ofMinSize(1).ofMaxSize(3),
            Arbitraries.integers().between(0, 3).list().ofSize(3),
            values.list().ofSize(3))
        .as(
            (targets, operations, replacements) -> {
              ObjectNode copy = valid.deepCopy();
              for (int i = 0; i < targets.size(); i++) {
                List<Map.Entry<ObjectNode, String>> slots = slots(copy, new ArrayList<>());
                if (slots.isEmpty()) {
                  break;
                }
                var slot = slots.get(targets.get(i) % slots.size());
                switch (operations.get(i)) {
                  case 0 -> slot.getKey().remove(slot.getValue());
                  case 1 -> slot.getKey().set("extra_" + i, replacements.get(i));
                  default -> slot.getKey().set(slot.getValue(), replacements.get(i));
                }
              }
              return copy.toString();
            });
  }

  /** Every (object, field) pair of a tree, so a mutation can hit nested item fields too. */
  private static List<Map.Entry<ObjectNode, String>> slots(
      JsonNode node, List<Map.Entry<ObjectNode, String>> into) {
    if (node instanceof ObjectNode object) {
      object
          .fieldNames()
          .forEachRemaining(name -> into.add(new AbstractMap.SimpleEntry<>(object, name)));
      object.elements().forEachRemaining(child -> slots(child, into));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> slots(child, into));
    }
    return into;
  }

  private static Arbitrary<ObjectNode> objects(
      List<String> fields, Arbitrary<String> plausible, int depth) {
    Arbitrary<String> names =
        Arbitraries.frequencyOf(
            Tuple.of(9, Arbitraries.of(fields)),
            Tuple.of(1, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12)));
    Arbitrary<JsonNode> values = values(fields, plausible, depth);
    return Combinators.combine(names.list().ofMaxSize(6), values.list().ofSize(6))
        .as(
            (keys, vals) -> {
              ObjectNode node = NODES.objectNode();
              for (int i = 0; i < keys.size(); i++) {
                node.set(keys.get(i), vals.get(i));
              }
              return node;
            });
  }

  private static Arbitrary<JsonNode> values(
      List<String> fields, Arbitrary<String> plausible, int depth) {
    Arbitrary<JsonNode> scalars =
        Arbitraries.frequencyOf(
            Tuple.of(6, plausible.map(NODES::textNode)),
            Tuple.of(2, Arbitraries.strings().ofMaxLength(300).map(NODES::textNode)),
            Tuple.of(2, Arbitraries.integers().between(-5, 20_000).map(NODES::numberNode)),
            Tuple.of(1, Arbitraries.longs().map(NODES::numberNode)),
            Tuple.of(
                1, Arbitraries.bigDecimals().ofScale(3).map((BigDecimal d) -> NODES.numberNode(d))),
            Tuple.of(1, Arbitraries.of(true, false).map(NODES::booleanNode)),
            Tuple.of(1, Arbitraries.just(NODES.nullNode())));
    if (depth == 0) {
      return scalars;
    }
    Arbitrary<JsonNode> nested = objects(fields, plausible, depth - 1).map(JsonNode.class::cast);
    Arbitrary<JsonNode> arrays =
        Arbitraries.frequencyOf(Tuple.of(3, nested), Tuple.of(1, scalars))
            .list()
            .ofMaxSize(3)
            .map(
                list -> {
                  var array = NODES.arrayNode();
                  list.forEach(array::add);
                  return (JsonNode) array;
                });
    return Arbitraries.frequencyOf(Tuple.of(6, scalars), Tuple.of(2, arrays), Tuple.of(1, nested));
  }

  private static String truncated(ObjectNode node) {
    String text = node.toString();
    return text.substring(0, text.length() / 2);
  }
}
