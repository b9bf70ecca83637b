package dev.outbox.config.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one check saw: up or down, and the facts behind the verdict ({@code "role": "standby"},
 * {@code "consumers": 2}, the error), which the probe's JSON body shows next to {@code "status"}.
 */
public record Check(boolean healthy, Map<String, Object> details) {

  public Check {
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  /** Up, with facts given as name, value, name, value... in the order the body shows them. */
  public static Check up(Object... facts) {
    return new Check(true, facts(facts));
  }

  /** Down, with facts as for {@link #up}. */
  public static Check down(Object... facts) {
    return new Check(false, facts(facts));
  }

  /** Up or down as {@code up} says. */
  public static Check of(boolean up, Object... facts) {
    return new Check(up, facts(facts));
  }

  /** {@code {"status": "UP"|"DOWN", ...details}}. */
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", healthy ? HealthReport.UP : HealthReport.DOWN);
    body.putAll(details);
    return body;
  }

  private static Map<String, Object> facts(Object... facts) {
    if (facts.length % 2 != 0) {
      throw new IllegalArgumentException("facts come in name, value pairs");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < facts.length; i += 2) {
      map.put((String) facts[i], facts[i + 1]);
    }
    return map;
  }
}
