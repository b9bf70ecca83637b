package dev.outbox.notifier.config;

import dev.outbox.config.ConfigReader;
import dev.outbox.config.Role;
import dev.outbox.config.Setting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the notifier consumes and retries. Each work queue gets {@code <queue>.retry.<delay>ms} delay
 * queues and a {@code <queue>.dlq}; the meaning of every value is in its {@link Setting} below.
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
    Duration sendTimeout,
    QueueType queueType,
    Duration reconcileWindow) {

  public static final Setting<String> QUEUE =
      Setting.text("NOTIFIER_QUEUE")
          .withDefault("notifier.notifications")
          .withDescription(
              "work queue of the email/SMS consumer (plus .retry.<delay>ms and .dlq queues)")
          .readBy(Role.NOTIFIER);

  public static final Setting<String> ANALYTICS_QUEUE =
      Setting.text("NOTIFIER_ANALYTICS_QUEUE")
          .withDefault("notifier.analytics")
          .withDescription("work queue of the analytics consumer")
          .readBy(Role.NOTIFIER);

  public static final Setting<Integer> CONCURRENCY =
      Setting.integer("NOTIFIER_CONCURRENCY", 1)
          .withDefault("4")
          .withDescription("channels (messages in work at once) per queue")
          .readBy(Role.NOTIFIER);

  public static final Setting<Integer> PREFETCH =
      Setting.integer("NOTIFIER_PREFETCH", 1)
          .withDefault("10")
          .withDescription("unacknowledged messages per channel")
          .readBy(Role.NOTIFIER);

  /** About 8.5 minutes of retrying with the default delays. */
  public static final Setting<Integer> MAX_ATTEMPTS =
      Setting.integer("NOTIFIER_MAX_ATTEMPTS", 1)
          .withDefault("10")
          .withDescription("attempts of one message before it is dead-lettered")
          .readBy(Role.NOTIFIER);

  public static final Setting<Duration> RETRY_INITIAL_DELAY =
      positive("NOTIFIER_RETRY_INITIAL_DELAY_MS")
          .withDefault("1000")
          .withDescription("first retry delay, doubled per attempt")
          .readBy(Role.NOTIFIER);

  public static final Setting<Duration> RETRY_MAX_DELAY =
      positive("NOTIFIER_RETRY_MAX_DELAY_MS")
          .withDefault("300000")
          .withDescription("longest retry delay")
          .readBy(Role.NOTIFIER);

  /** After the lease another instance may take the delivery over. */
  public static final Setting<Duration> LEASE =
      positive("NOTIFIER_LEASE_MS")
          .withDefault("60000")
          .withDescription("how long a claimed delivery stays with the instance sending it")
          .readBy(Role.NOTIFIER);

  public static final Setting<Duration> SEND_TIMEOUT =
      positive("NOTIFIER_SEND_TIMEOUT_MS")
          .withDefault("10000")
          .withDescription("connect and read timeout of provider calls (below the lease)")
          .readBy(Role.NOTIFIER);

  // A queue's type and arguments are fixed when it is created: changing this for existing queues
  // fails at start-up with PRECONDITION_FAILED (see the notifier README on moving from classic).
  public static final Setting<QueueType> QUEUE_TYPE =
      Setting.choice("NOTIFIER_QUEUE_TYPE", QueueType.class)
          .withDefault("quorum")
          .withDescription(
              "type of the work, retry and dead-letter queues: quorum (replicated; RabbitMQ 3.10+)"
                  + " or classic; an existing queue keeps its type (README: moving from classic)")
          .readBy(Role.NOTIFIER);

  /**
   * A delivery left in SENDING by a dead instance may have reached the provider: its report is
   * waited for this long past the lease before the delivery is sent again (JdbcDeliveries.claim).
   */
  public static final Setting<Duration> RECONCILE_WINDOW =
      Setting.duration("NOTIFIER_RECONCILE_WINDOW")
          .withDefault("60s")
          .withDescription(
              "how long past an expired lease a provider report may still show that the lost"
                  + " send arrived, before it is sent again (0: resend at once)")
          .readBy(Role.NOTIFIER);

  static ConsumerSettings read(ConfigReader config) {
    Duration lease = config.get(LEASE);
    Duration sendTimeout = config.get(SEND_TIMEOUT);
    // A send that outlives the lease may be taken over and sent a second time.
    config.check(
        sendTimeout.compareTo(lease) < 0,
        SEND_TIMEOUT.name() + " must be shorter than " + LEASE.name());
    return new ConsumerSettings(
        config.get(QUEUE),
        config.get(ANALYTICS_QUEUE),
        config.get(CONCURRENCY),
        config.get(PREFETCH),
        config.get(MAX_ATTEMPTS),
        config.get(RETRY_INITIAL_DELAY),
        config.get(RETRY_MAX_DELAY),
        lease,
        sendTimeout,
        config.get(QUEUE_TYPE),
        config.get(RECONCILE_WINDOW));
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

  // Delay queues are named in whole milliseconds, and a zero delay or lease means nothing.
  private static Setting<Duration> positive(String name) {
    return Setting.duration(name).validatedBy(d -> d.toMillis() >= 1, "must be at least 1ms");
  }
}
