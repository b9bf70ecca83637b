package dev.outbox.config;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the text of a {@link Setting} becomes its value. Each message completes "NAME ..." and quotes
 * the value (a secret's is dropped by {@link Setting}).
 */
final class Parsers {

  /** PostgreSQL's unquoted identifier, lower case, at most 63 bytes: slots, publications. */
  private static final Pattern SQL_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private Parsers() {}

  static long wholeNumber(String text, long min, long max) {
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a whole number, got '" + text + "'", e);
    }
    if (value < min || value > max) {
      boolean unbounded = max == Long.MAX_VALUE || max == Integer.MAX_VALUE;
      throw new IllegalArgumentException(
          (unbounded ? "must be at least " + min : "must be between " + min + " and " + max)
              + ", got "
              + value);
    }
    return value;
  }

  static Duration duration(String name, String text) {
    Duration d = Durations.parse(name, text);
    if (d.isNegative()) {
      throw new IllegalArgumentException("must not be negative, got '" + text + "'");
    }
    return d;
  }

  static boolean bool(String text) {
    if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
      throw new IllegalArgumentException("must be true or false, got '" + text + "'");
    }
    return Boolean.parseBoolean(text);
  }

  static <E extends Enum<E>> E choice(Class<E> type, String text) {
    for (E candidate : type.getEnumConstants()) {
      if (candidate.name().equalsIgnoreCase(text)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(
        "must be one of "
            + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT)
            + ", got '"
            + text
            + "'");
  }

  static String sqlIdentifier(String text) {
    if (!SQL_IDENTIFIER.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "must be a lower-case SQL identifier of 1-63 letters, digits or underscores"
              + " (not starting with a digit), got '"
              + text
              + "'");
    }
    return text;
  }

  static URI httpUrl(String text) {
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("is not a URL: '" + text + "'", e);
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException("must be an http(s) URL, got '" + text + "'");
    }
    return uri;
  }
}
