package dev.outbox.chaos.report;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Formatting shared by the report's sections. */
final class Text {

  private Text() {}

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.2f s", d.toMillis() / 1000.0);
  }

  static String millis(Duration d) {
    return d.toMillis() + " ms";
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** "a 3, b 1" from items grouped by {@code key}, or "none". */
  static <T> String countsBy(Iterable<T> items, Function<T, String> key) {
    Map<String, Long> counts = new TreeMap<>();
    items.forEach(i -> counts.merge(key.apply(i), 1L, Long::sum));
    return counts.isEmpty()
        ? "none"
        : counts.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
  }
}
