package dev.outbox.bench.notifier;

import dev.outbox.config.ConfigReader;
import dev.outbox.config.Role;
import dev.outbox.config.Setting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The measured notifier's consumer settings the harness must know: how many messages it works on at
 * once (for the report) and its retry delays (each has a delay queue the harness watches and
 * removes). The harness talks to the notifier as a process only, so it reads these variables from
 * its own environment, with the notifier's defaults, and hands the values to the child explicitly:
 * both then agree whatever the environment holds. {@code NotifierConsumerSettingsTest} holds the
 * names, defaults and retry schedule to the notifier's own.
 */
public record NotifierConsumerSettings(
    int concurrency,
    int prefetch,
    int maxAttempts,
    Duration retryInitialDelay,
    Duration retryMaxDelay) {

  static final Setting<Integer> CONCURRENCY = positive("NOTIFIER_CONCURRENCY", "4");
  static final Setting<Integer> PREFETCH = positive("NOTIFIER_PREFETCH", "10");
  static final Setting<Integer> MAX_ATTEMPTS = positive("NOTIFIER_MAX_ATTEMPTS", "10");
  static final Setting<Duration> RETRY_INITIAL_DELAY =
      delay("NOTIFIER_RETRY_INITIAL_DELAY_MS", "1000");
  static final Setting<Duration> RETRY_MAX_DELAY = delay("NOTIFIER_RETRY_MAX_DELAY_MS", "300000");

  static NotifierConsumerSettings read(ConfigReader config) {
    return new NotifierConsumerSettings(
        config.get(CONCURRENCY),
        config.get(PREFETCH),
        config.get(MAX_ATTEMPTS),
        config.get(RETRY_INITIAL_DELAY),
        config.get(RETRY_MAX_DELAY));
  }

  /** The wait after failed attempt {@code attempt} (from 1): doubled per attempt, capped. */
  Duration retryDelay(int attempt) {
    Duration delay = retryInitialDelay;
    for (int i = 1; i < attempt && delay.compareTo(retryMaxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(retryMaxDelay) > 0 ? retryMaxDelay : delay;
  }

  /** Every distinct retry delay, one delay queue each. */
  List<Duration> retryDelays() {
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

  /** These settings as the child's variables. */
  Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(CONCURRENCY.name(), Integer.toString(concurrency));
    env.put(PREFETCH.name(), Integer.toString(prefetch));
    env.put(MAX_ATTEMPTS.name(), Integer.toString(maxAttempts));
    env.put(RETRY_INITIAL_DELAY.name(), Long.toString(retryInitialDelay.toMillis()));
    env.put(RETRY_MAX_DELAY.name(), Long.toString(retryMaxDelay.toMillis()));
    return env;
  }

  private static Setting<Integer> positive(String name, String notifierDefault) {
    return Setting.integer(name, 1)
        .withDefault(notifierDefault)
        .withDescription("the measured notifier's " + name)
        .readBy(Role.BENCH);
  }

  private static Setting<Duration> delay(String name, String notifierDefault) {
    return Setting.duration(name)
        .withDefault(notifierDefault)
        .withDescription("the measured notifier's " + name)
        .readBy(Role.BENCH);
  }
}
