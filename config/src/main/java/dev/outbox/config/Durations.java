package dev.outbox.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration syntax of every setting: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h},
 * {@code 7d}, ISO-8601 ({@code PT10S}) and a bare {@code 0}. A bare number is also taken when the
 * variable's name says its unit ({@code NOTIFIER_LEASE_MS=60000}, {@code *_SECONDS=90}), so the
 * names that carried their unit keep their values. Public for the few values that are not
 * environment variables but take the same syntax (the {@code replay} command's {@code --timeout}).
 */
public final class Durations {

  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
  private static final Pattern NUMBER = Pattern.compile("\\d+");

  private Durations() {}

  /**
   * The duration {@code value} of the variable (or option) {@code name}.
   *
   * @throws IllegalArgumentException with a message that completes "NAME ..." (it does not start
   *     with the name)
   */
  public static Duration parse(String name, String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    if (NUMBER.matcher(text).matches()) {
      long n = Long.parseLong(text);
      if (name.endsWith("_MS")) {
        return Duration.ofMillis(n);
      }
      if (name.endsWith("_SECONDS")) {
        return Duration.ofSeconds(n);
      }
      if (n == 0) {
        return Duration.ZERO;
      }
    }
    Matcher m = SHORT.matcher(text);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(value.trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "must be a duration like 500ms, 10s, 5m, 7d or PT10S, got '" + value + "'", e);
    }
  }

  /** The shortest exact text of {@code d} in the short syntax ({@code 250ms}, {@code 10s}). */
  static String format(Duration d) {
    if (d.isZero()) {
      return "0";
    }
    long ms = d.toMillis();
    long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
    String[] names = {"d", "h", "m", "s"};
    for (int i = 0; i < units.length; i++) {
      if (ms % units[i] == 0) {
        return ms / units[i] + names[i];
      }
    }
    return ms + "ms";
  }
}
