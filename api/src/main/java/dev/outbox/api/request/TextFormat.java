package dev.outbox.api.request;

import java.util.Currency;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The wire shape of a string field the domain has no value object for: a length limit, a pattern
 * and the message a client sees when it does not match. Patterns are anchored and ASCII-only on
 * purpose: what the api accepts is what a payment provider accepts. Emails and phone numbers are
 * not here: core's {@code Email} and {@code PhoneNumber} own those rules ({@link
 * FieldReader#requiredValue}).
 */
public record TextFormat(int maxLength, Pattern pattern, Predicate<String> rule, String expected) {

  /** An active ISO 4217 code with a defined number of minor units (no XAU, XXX...). */
  public static final TextFormat CURRENCY =
      new TextFormat(
          3, Pattern.compile("[A-Z]{3}"), TextFormat::isIso4217, "an ISO 4217 code such as EUR");

  /** A non-negative decimal string with at most 12 integer and 4 fraction digits. */
  public static final TextFormat MONEY =
      new TextFormat(
          17,
          Pattern.compile("(?:0|[1-9][0-9]{0,11})(?:\\.[0-9]{1,4})?"),
          s -> true,
          "a decimal string such as \"19.99\"");

  public static final TextFormat SKU =
      new TextFormat(
          64,
          Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*"),
          s -> true,
          "letters, digits, '.', '_' or '-'");

  public static final TextFormat PAYMENT_REFERENCE =
      new TextFormat(
          128,
          Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/#-]*"),
          s -> true,
          "letters, digits and . _ : / # -");

  /** The shape of the verification token of docs/events.md: expiry "." base64url HMAC-SHA256. */
  public static final TextFormat VERIFICATION_TOKEN =
      new TextFormat(
          64,
          Pattern.compile("[0-9]{1,12}\\.[A-Za-z0-9_-]{43}"),
          s -> true,
          "a verification token");

  public static final TextFormat UUID =
      new TextFormat(
          36,
          Pattern.compile(
              "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),
          s -> true,
          "a UUID");

  /** The reason {@code value} does not fit, or null when it does. */
  public String check(String value) {
    if (value.isEmpty()) {
      return "must not be empty";
    }
    if (value.length() > maxLength) {
      return "must be at most " + maxLength + " characters long";
    }
    if (!pattern.matcher(value).matches() || !rule.test(value)) {
      return "must be " + expected;
    }
    return null;
  }

  private static boolean isIso4217(String code) {
    try {
      return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
