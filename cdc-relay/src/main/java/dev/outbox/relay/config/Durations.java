package dev.outbox.relay.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the duration values of the relay's variables: {@code 500ms}, {@code 10s}, {@code 7d},
 * ISO-8601 ({@code PT10S}) and a bare {@code 0}.
 */
public final class Durations {

  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private Durations() {}

  public static Duration parse(String variable, String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    if (text.equals("0")) {
      return Duration.ZERO; // needs no unit (CDC_REPLAY_WINDOW=0 turns the window off)
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
          variable + " must be a duration like 500ms, 10s, 5m, 7d or PT10S, got '" + value + "'",
          e);
    }
  }
}
