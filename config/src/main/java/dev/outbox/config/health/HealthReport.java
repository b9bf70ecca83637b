package dev.outbox.config.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /health} and {@code GET /ready}, the same shape for every role: {@code
 * {"status":"UP","checks":{"database":{"status":"UP",...},"broker":{...}}}}, HTTP 200 when up and
 * 503 when not. A check that is only reported ({@link HealthCheck#required()} false) shows {@code
 * "required": false} and never makes the report down.
 */
public record HealthReport(boolean up, Map<String, Map<String, Object>> checks) {

  public static final String UP = "UP";
  public static final String DOWN = "DOWN";

  /** Liveness: the process answers; no dependency is looked at. */
  public static HealthReport alive() {
    return new HealthReport(true, Map.of());
  }

  /** Runs every check, in order; up when every required one is. */
  public static HealthReport of(List<HealthCheck> checks) {
    Map<String, Map<String, Object>> bodies = new LinkedHashMap<>();
    boolean up = true;
    for (HealthCheck check : checks) {
      Check seen = check.check();
      Map<String, Object> body = seen.body();
      if (!check.required()) {
        body.put("required", false);
      }
      bodies.put(check.name(), body);
      up &= seen.healthy() || !check.required();
    }
    return new HealthReport(up, bodies);
  }

  public int httpStatus() {
    return up ? 200 : 503;
  }

  /** The JSON body as maps, for the server's JSON mapper. */
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", up ? UP : DOWN);
    if (!checks.isEmpty()) {
      body.put("checks", checks);
    }
    return body;
  }
}
