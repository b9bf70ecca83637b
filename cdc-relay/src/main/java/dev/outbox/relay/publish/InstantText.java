package dev.outbox.relay.publish;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * {@link Instant#toString()}'s text (ISO-8601 in UTC, the fraction in groups of three digits, none
 * when zero) for the body's occurred_at, written without {@code DateTimeFormatter}: its printer
 * chain was a third of the envelope's CPU in issue 17's profile. Years outside 1970-9999 (never an
 * outbox row's created_at) take {@code toString} itself.
 */
final class InstantText {

  // 10000-01-01T00:00:00Z, where ISO-8601 needs a sign and more digits.
  private static final long YEAR_10000 = 253_402_300_800L;

  private InstantText() {}

  static String of(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < 0 || seconds >= YEAR_10000) {
      return instant.toString();
    }
    LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    StringBuilder text = new StringBuilder(30);
    digits(text, t.getYear(), 4).append('-');
    digits(text, t.getMonthValue(), 2).append('-');
    digits(text, t.getDayOfMonth(), 2).append('T');
    digits(text, t.getHour(), 2).append(':');
    digits(text, t.getMinute(), 2).append(':');
    digits(text, t.getSecond(), 2);
    int nanos = instant.getNano();
    if (nanos != 0) {
      text.append('.');
      if (nanos % 1_000_000 == 0) {
        digits(text, nanos / 1_000_000, 3);
      } else if (nanos % 1_000 == 0) {
        digits(text, nanos / 1_000, 6);
      } else {
        digits(text, nanos, 9);
      }
    }
    return text.append('Z').toString();
  }

  // value < 10^width here (a year up to 9999, nanoseconds below 10^9): zero-padded to width.
  private static StringBuilder digits(StringBuilder text, int value, int width) {
    int unit = 1;
    for (int i = 1; i < width; i++) {
      unit *= 10;
    }
    for (; unit > 0; unit /= 10) {
      text.append((char) ('0' + value / unit % 10));
    }
    return text;
  }
}
