package dev.outbox.api.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outbox.api.error.ApiProblem;
import dev.outbox.api.error.FieldError;
import dev.outbox.core.domain.InvalidValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the fields of one JSON object and collects every error instead of stopping at the first, so
 * a client learns all that is wrong with a request at once. The rule for fields the route does not
 * know: they are rejected (400), so that a misspelt optional field ({@code phone_number}) is never
 * silently dropped. A getter returns {@code null} when the field was wrong; call {@link
 * #throwIfInvalid()} before using the values.
 */
public final class FieldReader {

  static final int MAX_REPORTED_ERRORS = 50;

  private final ObjectNode node;
  private final String prefix;
  private final List<FieldError> errors;

  private FieldReader(ObjectNode node, String prefix, Set<String> known, List<FieldError> errors) {
    this.node = node;
    this.prefix = prefix;
    this.errors = errors;
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        reject(FieldNames.shortened(name), "is not a known field");
      }
    }
  }

  /** A reader of the request body, which may only hold the {@code known} fields. */
  public static FieldReader of(ObjectNode body, Set<String> known) {
    return new FieldReader(body, "", known, new ArrayList<>());
  }

  /** A required string, at most {@code format.maxLength()} long, matching the format. */
  public String requiredText(String field, TextFormat format) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      reject(field, "is required");
      return null;
    }
    return text(field, value, format);
  }

  /** An optional string: absent and null both mean "not given". */
  public String optionalText(String field, TextFormat format) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : text(field, value, format);
  }

  /**
   * A required string that a domain value object accepts: {@code parse} is its constructor (such as
   * {@code Email::new}), which owns the rule; its refusal's reason is reported for this field.
   */
  public <T> T requiredValue(String field, Function<String, T> parse) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      reject(field, "is required");
      return null;
    }
    return value(field, value, parse);
  }

  /** As {@link #requiredValue}, but absent and null both mean "not given" (null). */
  public <T> T optionalValue(String field, Function<String, T> parse) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value(field, value, parse);
  }

  /**
   * A required JSON integer in [min, max]; {@code 2.0}, {@code "2"} and {@code 2e0} are refused.
   */
  public Integer requiredInteger(String field, int min, int max) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      reject(field, "is required");
      return null;
    }
    if (!value.isIntegralNumber()) {
      reject(field, "must be a whole number (a JSON integer)");
      return null;
    }
    if (!value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
      reject(field, "must be between " + min + " and " + max);
      return null;
    }
    return value.intValue();
  }

  /**
   * A required amount of money: a decimal string, never a JSON number (binary floats lose cents),
   * greater than zero (or zero too when {@code zeroAllowed}), with at most as many decimals as
   * {@code currency} has minor units. The result carries exactly that scale ("5" in EUR is 5.00).
   * {@code currency} may be null when it was itself invalid; the scale is then not checked.
   */
  public BigDecimal requiredMoney(String field, String currency, boolean zeroAllowed) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      reject(field, "is required");
      return null;
    }
    if (value.isNumber()) {
      reject(field, "must be a decimal string such as \"19.99\", not a JSON number");
      return null;
    }
    String text = text(field, value, TextFormat.MONEY);
    if (text == null) {
      return null;
    }
    BigDecimal amount = new BigDecimal(text);
    if (amount.signum() == 0 && !zeroAllowed) {
      reject(field, "must be greater than zero");
      return null;
    }
    if (currency == null) {
      return amount;
    }
    int scale = Currency.getInstance(currency).getDefaultFractionDigits();
    if (amount.scale() > scale) {
      reject(field, "must have at most " + scale + " decimal places in " + currency);
      return null;
    }
    return amount.setScale(scale);
  }

  /** The elements of a required array of objects, each read by its own reader. */
  public List<FieldReader> requiredObjects(
      String field, int minSize, int maxSize, Set<String> known) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      reject(field, "is required");
      return List.of();
    }
    if (!value.isArray()) {
      reject(field, "must be an array");
      return List.of();
    }
    ArrayNode array = (ArrayNode) value;
    if (array.size() < minSize || array.size() > maxSize) {
      reject(field, "must hold between " + minSize + " and " + maxSize + " elements");
      return List.of();
    }
    List<FieldReader> readers = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String path = field + "[" + i + "]";
      if (array.get(i).isObject()) {
        readers.add(new FieldReader((ObjectNode) array.get(i), path(path) + ".", known, errors));
      } else {
        reject(path, "must be an object");
      }
    }
    return readers;
  }

  /** Records an error found by the caller (a rule spanning fields, a domain format). */
  public void reject(String field, String message) {
    if (errors.size() < MAX_REPORTED_ERRORS) {
      errors.add(new FieldError(path(field), message));
    }
  }

  public boolean isValid() {
    return errors.isEmpty();
  }

  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
  }

  private <T> T value(String field, JsonNode value, Function<String, T> parse) {
    String text = exactText(field, value);
    if (text == null) {
      return null;
    }
    try {
      return parse.apply(text);
    } catch (InvalidValue e) {
      reject(field, e.reason());
      return null;
    }
  }

  /**
   * The string exactly as sent. Value objects may normalise (an email is stored stripped and lower
   * case), but the api never silently alters what a client sent: surrounding spaces are an error.
   */
  private String exactText(String field, JsonNode value) {
    if (!value.isTextual()) {
      reject(field, "must be a string");
      return null;
    }
    String text = value.textValue();
    if (text.isEmpty()) {
      reject(field, "must not be empty");
      return null;
    }
    if (!text.strip().equals(text)) {
      reject(field, "must not start or end with spaces");
      return null;
    }
    return text;
  }

  private String text(String field, JsonNode value, TextFormat format) {
    if (!value.isTextual()) {
      reject(field, "must be a string");
      return null;
    }
    String text = value.textValue();
    String problem = format.check(text);
    if (problem != null) {
      reject(field, problem);
      return null;
    }
    return text;
  }

  private String path(String field) {
    return prefix + field;
  }
}
