package dev.outbox.bench.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.config.ConfigReader;
import dev.outbox.config.Environment;
import dev.outbox.config.Setting;
import dev.outbox.notifier.config.ConsumerSettings;
import dev.outbox.notifier.config.NotifierConfig;
import dev.outbox.notifier.consume.QueueNames;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The harness's view of the measured notifier's settings is the notifier's own: same variables,
 * same defaults, same retry delays and delay-queue names, so the harness watches and removes the
 * queues the notifier declares.
 */
class NotifierConsumerSettingsTest {

  private static final String SECRET = "a-test-secret-of-at-least-32-characters";

  private static NotifierConsumerSettings bench(Map<String, String> env) {
    return ConfigReader.read(Environment.of(env), NotifierConsumerSettings::read);
  }

  private static ConsumerSettings notifier(Map<String, String> env) {
    Map<String, String> withSecret = new HashMap<>(env);
    withSecret.put("EMAIL_VERIFICATION_SECRET", SECRET);
    return ConfigReader.read(Environment.of(withSecret), NotifierConfig::read).consumer();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "NOTIFIER_CONCURRENCY=2,NOTIFIER_PREFETCH=50",
        "NOTIFIER_MAX_ATTEMPTS=3",
        "NOTIFIER_MAX_ATTEMPTS=1",
        "NOTIFIER_RETRY_INITIAL_DELAY_MS=250,NOTIFIER_RETRY_MAX_DELAY_MS=4000",
        "NOTIFIER_RETRY_INITIAL_DELAY_MS=5000,NOTIFIER_RETRY_MAX_DELAY_MS=5000"
      })
  void reads_what_the_notifier_reads(String pairs) {
    Map<String, String> env = new HashMap<>();
    for (String pair : pairs.isEmpty() ? new String[0] : pairs.split(",")) {
      env.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    NotifierConsumerSettings bench = bench(env);
    ConsumerSettings notifier = notifier(env);

    assertThat(bench.concurrency()).isEqualTo(notifier.concurrency());
    assertThat(bench.prefetch()).isEqualTo(notifier.prefetch());
    assertThat(bench.maxAttempts()).isEqualTo(notifier.maxAttempts());
    assertThat(bench.retryDelays()).isEqualTo(notifier.retryDelays());
  }

  @Test
  void the_values_handed_to_the_child_are_read_back_the_same_by_the_notifier() {
    NotifierConsumerSettings bench =
        bench(Map.of("NOTIFIER_RETRY_INITIAL_DELAY_MS", "2s", "NOTIFIER_PREFETCH", "20"));

    ConsumerSettings notifier = notifier(bench.environment());

    assertThat(notifier.prefetch()).isEqualTo(20);
    assertThat(notifier.retryDelays()).isEqualTo(bench.retryDelays());
    assertThat(notifier.retryDelays()).first().isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void the_variables_and_defaults_are_the_notifiers() {
    Map<String, Setting<?>> notifiers = new HashMap<>();
    NotifierConfig.settings().forEach(s -> notifiers.put(s.name(), s));

    for (Setting<?> bench : Setting.declaredIn(NotifierConsumerSettings.class)) {
      assertThat(notifiers).as(bench.name()).containsKey(bench.name());
      assertThat(bench.defaultText())
          .as(bench.name())
          .isEqualTo(notifiers.get(bench.name()).defaultText());
    }
  }

  @Test
  void the_queue_names_are_the_notifiers() {
    Duration delay = Duration.ofMillis(4000);

    assertThat(NotifierQueues.retry("q", delay)).isEqualTo(QueueNames.retry("q", delay));
    assertThat(NotifierQueues.deadLetter("q")).isEqualTo(QueueNames.deadLetter("q"));
  }
}
