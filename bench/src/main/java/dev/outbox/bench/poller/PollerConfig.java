package dev.outbox.bench.poller;

import java.time.Duration;
import java.util.Map;

/**
 * The seed design's worker settings, under the seed's variable names.
 *
 * @param pollInterval OUTBOX_POLL_INTERVAL, Go duration syntax as in the seed ("1s", "100ms")
 * @param batchSize OUTBOX_BATCH_SIZE, rows claimed per poll
 */
public record PollerConfig(
    String databaseUrl,
    String databaseUser,
    String databasePassword,
    String eventBusUrl,
    String exchange,
    Duration pollInterval,
    int batchSize) {

  public static PollerConfig fromEnv(Map<String, String> env) {
    return new PollerConfig(
        env.getOrDefault("DATABASE_URL", "jdbc:postgresql://localhost:5432/outbox"),
        env.getOrDefault("DATABASE_USER", "postgres"),
        env.getOrDefault("DATABASE_PASSWORD", ""),
        env.getOrDefault("EVENT_BUS_URL", "amqp://guest:guest@localhost:5672/"),
        env.getOrDefault("EVENT_BUS_EXCHANGE", "domain.events"),
        duration(env.getOrDefault("OUTBOX_POLL_INTERVAL", "1s")),
        batchSize(env.getOrDefault("OUTBOX_BATCH_SIZE", "100")));
  }

  static Duration duration(String text) {
    String t = text.trim();
    try {
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      if (t.endsWith("s")) {
        return Duration.ofMillis(
            Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("OUTBOX_POLL_INTERVAL is not a duration: " + text, e);
    }
    throw new IllegalArgumentException("OUTBOX_POLL_INTERVAL needs a unit (ms or s): " + text);
  }

  private static int batchSize(String text) {
    try {
      int size = Integer.parseInt(text.trim());
      if (size > 0) {
        return size;
      }
    } catch (NumberFormatException ignored) {
      // reported below with the variable's name
    }
    throw new IllegalArgumentException("OUTBOX_BATCH_SIZE must be a positive integer: " + text);
  }
}
