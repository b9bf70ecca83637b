package dev.outbox.notifier.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the notifier consumes and retries:
 *
 * <ul>
 *   <li>{@code NOTIFIER_QUEUE} (default {@code notifier.notifications}) and {@code
 *       NOTIFIER_ANALYTICS_QUEUE} (default {@code notifier.analytics}): the durable work queues;
 *       each gets {@code <queue>.retry.<delay>ms} delay queues and a {@code <queue>.dlq}.
 *   <li>{@code NOTIFIER_CONCURRENCY} (default 4): channels, hence messages in work at once, per
 *       queue; {@code NOTIFIER_PREFETCH} (default 10): unacknowledged messages per channel.
 *   <li>{@code NOTIFIER_MAX_ATTEMPTS} (default 10, about 8.5 minutes of retrying with the default
 *       delays): attempts of one message before it is dead-lettered; {@code
 *       NOTIFIER_RETRY_INITIAL_DELAY_MS} (default 1000), doubled per attempt up to {@code
 *       NOTIFIER_RETRY_MAX_DELAY_MS} (default 300000).
 *   <li>{@code NOTIFIER_LEASE_MS} (default 60000): how long a claimed delivery stays owned by the
 *       instance sending it; after that another instance may take it over.
 *   <li>{@code NOTIFIER_SEND_TIMEOUT_MS} (default 10000): connect and read timeout of provider
 *       calls. Keep it well below the lease.
 * </ul>
 */
public record ConsumerSettings(
    String queue,
    String analyticsQueue,
    int concurrency,
    int prefetch,
    int maxAttempts,
    Duration retryInitialDelay,
    Duration retryMaxDelay,
    Duration lease,
    Duration sendTimeout) {

  public ConsumerSettings {
    if (sendTimeout.compareTo(lease) >= 0) {
      throw new IllegalArgumentException(
          "NOTIFIER_SEND_TIMEOUT_MS must be shorter than NOTIFIER_LEASE_MS");
    }
  }

  static ConsumerSettings fromEnv(Env env) {
    return new ConsumerSettings(
        env.get("NOTIFIER_QUEUE", "notifier.notifications"),
        env.get("NOTIFIER_ANALYTICS_QUEUE", "notifier.analytics"),
        env.positiveInt("NOTIFIER_CONCURRENCY", 4),
        env.positiveInt("NOTIFIER_PREFETCH", 10),
        env.positiveInt("NOTIFIER_MAX_ATTEMPTS", 10),
        env.millis("NOTIFIER_RETRY_INITIAL_DELAY_MS", 1_000),
        env.millis("NOTIFIER_RETRY_MAX_DELAY_MS", 300_000),
        env.millis("NOTIFIER_LEASE_MS", 60_000),
        env.millis("NOTIFIER_SEND_TIMEOUT_MS", 10_000));
  }

  /** The wait before attempt {@code n + 1} after attempt {@code n} failed (n starts at 1). */
  public Duration retryDelay(int attempt) {
    Duration delay = retryInitialDelay;
    for (int i = 1; i < attempt && delay.compareTo(retryMaxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(retryMaxDelay) > 0 ? retryMaxDelay : delay;
  }

  /** Every distinct retry delay, one delay queue each. */
  public List<Duration> retryDelays() {
    List<Duration> delays = new ArrayList<>();
    for (int attempt = 1; attempt < maxAttempts; attempt++) {
      Duration delay = retryDelay(attempt);
      if (!delays.contains(delay)) {
        delays.add(delay);
      }
    }
    if (delays.isEmpty()) {
      delays.add(retryInitialDelay);
    }
    return delays;
  }
}
