package dev.outbox.bench.notifier;

import dev.outbox.config.ConfigReader;
import dev.outbox.config.Role;
import dev.outbox.config.Setting;

/**
 * The notifier throughput measure's shape.
 *
 * @param events distinct user.created events per phase (the backlog, then as many again with the
 *     notifier running)
 * @param duplicatePercent exact copies (same event id) published on top of the distinct events, in
 *     percent of them, so dedup is exercised
 * @param timeoutSeconds the bound of each phase (launch → drained, first publish → drained); a
 *     phase cut short reports what was processed by then
 * @param javaOpts the measured notifier JVM's options (JVM defaults, as docker/compose.yaml runs
 *     it, unless set; e.g. a flight recording)
 * @param consumer the measured notifier's concurrency and retries
 */
public record NotifierMeasure(
    int events,
    int duplicatePercent,
    int timeoutSeconds,
    String javaOpts,
    NotifierConsumerSettings consumer) {

  static final Setting<Integer> EVENTS =
      Setting.integer("BENCH_NOTIFIER_EVENTS", 1)
          .withDefault("5000")
          .withDescription("distinct user.created events per phase of the notifier measure")
          .readBy(Role.BENCH);

  static final Setting<Integer> DUPLICATE_PERCENT =
      Setting.integer("BENCH_NOTIFIER_DUPLICATE_PERCENT", 0, 100)
          .withDefault("10")
          .withDescription("exact copies published on top, in percent of the distinct events")
          .readBy(Role.BENCH);

  static final Setting<Integer> TIMEOUT_SECONDS =
      Setting.integer("BENCH_NOTIFIER_TIMEOUT_SECONDS", 1)
          .withDefault("90")
          .withDescription("bound of each phase of the notifier measure")
          .readBy(Role.BENCH);

  static final Setting<String> JAVA_OPTS =
      Setting.text("BENCH_NOTIFIER_JAVA_OPTS")
          .withDescription("the measured notifier JVM's options, @file expanded (default: none)")
          .readBy(Role.BENCH);

  public static NotifierMeasure read(ConfigReader config) {
    return new NotifierMeasure(
        config.get(EVENTS),
        config.get(DUPLICATE_PERCENT),
        config.get(TIMEOUT_SECONDS),
        config.optional(JAVA_OPTS).orElse(""),
        NotifierConsumerSettings.read(config));
  }
}
