package dev.outbox.notifier.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the fields of one JSON object exactly as docs/events.md types them, with no coercion: a
 * number is not a string, {@code "2"} is not an integer, and null is allowed only where the
 * contract says so. Every violation is a {@link MalformedEvent} that names the field and the type
 * it must have, e.g. {@code payload field email must be a non-blank string, but is a number}.
 */
final class JsonFields {

  // Money: a decimal string (docs/events.md), never negative (core's Money), so no sign.
  private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final int MAX_QUOTED = 40;

  private final JsonNode object;
  private final String where;

  private JsonFields(JsonNode object, String where) {
    this.object = object;
    this.where = where;
  }

  /**
   * @param where what every message starts with, e.g. {@code "envelope field "}
   */
  static JsonFields of(JsonNode object, String where) {
    return new JsonFields(object, where);
  }

  /** A string that is not blank. */
  String text(String field) {
    JsonNode node = object.get(field);
    if (node == null || !node.isTextual()) {
      throw mistyped(field, "a non-blank string", node);
    }
    if (node.textValue().isBlank()) {
      throw new MalformedEvent(where + field + " must be a non-blank string, but is blank");
    }
    return node.textValue();
  }

  /** A field that must be present, as a string or null; null when it is null. */
  String nullableText(String field) {
    JsonNode node = object.get(field);
    if (node == null || !(node.isTextual() || node.isNull())) {
      throw mistyped(field, "a string or null", node);
    }
    return node.isNull() ? null : node.textValue();
  }

  UUID uuid(String field) {
    String value = formatted(field, "a UUID string");
    // UUID.fromString also takes short groups such as "1-1-1-1-1": require the canonical form.
    if (!UUID_TEXT.matcher(value).matches()) {
      throw badFormat(field, "a UUID string", value);
    }
    return UUID.fromString(value);
  }

  BigDecimal decimal(String field) {
    String value = formatted(field, "a decimal string such as \"19.99\"");
    if (!DECIMAL.matcher(value).matches()) {
      throw badFormat(field, "a decimal string such as \"19.99\"", value);
    }
    return new BigDecimal(value);
  }

  /** An ISO 4217 code such as {@code EUR}. */
  String currency(String field) {
    String value = formatted(field, "an ISO 4217 currency code string");
    if (!CURRENCY.matcher(value).matches() || !isKnownCurrency(value)) {
      throw badFormat(field, "an ISO 4217 currency code string", value);
    }
    return value;
  }

  Instant instant(String field) {
    String value = formatted(field, "an ISO-8601 instant string");
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw badFormat(field, "an ISO-8601 instant string", value);
    }
  }

  /** A JSON integer (no fraction, no string) that fits an int. */
  int integer(String field) {
    JsonNode node = object.get(field);
    if (node == null || !node.isInt()) {
      throw mistyped(field, "an integer", node);
    }
    return node.intValue();
  }

  /** A JSON object. */
  JsonNode object(String field) {
    JsonNode node = object.get(field);
    if (node == null || !node.isObject()) {
      throw mistyped(field, "an object", node);
    }
    return node;
  }

  /** A non-empty array of objects, each read by the returned fields ({@code items[0].sku}). */
  List<JsonFields> objects(String field) {
    JsonNode node = object.get(field);
    if (node == null || !node.isArray() || node.isEmpty()) {
      throw mistyped(field, "a non-empty array of objects", node);
    }
    List<JsonFields> elements = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode element = node.get(i);
      if (!element.isObject()) {
        throw mistyped(field + "[" + i + "]", "an object", element);
      }
      elements.add(new JsonFields(element, where + field + "[" + i + "]."));
    }
    return elements;
  }

  private String formatted(String field, String expected) {
    JsonNode node = object.get(field);
    if (node == null || !node.isTextual()) {
      throw mistyped(field, expected, node);
    }
    return node.textValue();
  }

  private MalformedEvent mistyped(String field, String expected, JsonNode actual) {
    return new MalformedEvent(where + field + " must be " + expected + ", but is " + kind(actual));
  }

  // Only fields that carry no personal data (ids, money, codes, times) are quoted back.
  private MalformedEvent badFormat(String field, String expected, String value) {
    return new MalformedEvent(
        where + field + " must be " + expected + ", but is the string " + quote(value));
  }

  /** {@code value} in quotes, cut after 40 characters. */
  static String quote(String value) {
    return "\""
        + (value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "..." : value)
        + "\"";
  }

  private static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "missing";
    }
    return switch (node.getNodeType()) {
      case NULL -> "null";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case OBJECT -> "an object";
      case ARRAY -> node.isEmpty() ? "an empty array" : "an array";
      default -> "of another kind";
    };
  }

  private static boolean isKnownCurrency(String code) {
    try {
      return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
