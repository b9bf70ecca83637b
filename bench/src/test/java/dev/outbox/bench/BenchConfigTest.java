package dev.outbox.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.config.ConfigException;
import dev.outbox.config.ConfigReader;
import dev.outbox.config.Environment;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchConfigTest {

  private static BenchConfig config(String... pairs) {
    Map<String, String> env = new HashMap<>(Map.of("BENCH_CONTESTANTS", "poller-tuned"));
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return ConfigReader.read(Environment.of(env), BenchConfig::read);
  }

  @Test
  void the_notifier_measure_defaults_to_5000_events_with_a_tenth_copied() {
    var config = config();

    assertThat(config.notifier().events()).isEqualTo(5_000);
    assertThat(config.notifier().duplicatePercent()).isEqualTo(10);
    assertThat(config.notifier().timeoutSeconds()).isEqualTo(90);
    assertThat(config.notifier().javaOpts()).isEmpty();
  }

  @Test
  void no_copies_is_a_valid_share_but_more_than_all_is_not() {
    assertThat(config("BENCH_NOTIFIER_DUPLICATE_PERCENT", "0").notifier().duplicatePercent())
        .isZero();
    assertThatThrownBy(() -> config("BENCH_NOTIFIER_DUPLICATE_PERCENT", "101"))
        .hasMessageContaining("BENCH_NOTIFIER_DUPLICATE_PERCENT");
    assertThatThrownBy(() -> config("BENCH_NOTIFIER_EVENTS", "0"))
        .hasMessageContaining("BENCH_NOTIFIER_EVENTS");
  }

  @Test
  void lists_and_pairs_are_comma_separated() {
    var config =
        config(
            "BENCH_RATES", "500, 1000",
            "BENCH_CONTESTANTS", "poller-seed,,poller-tuned",
            "BENCH_RELAY_ENV", "CDC_POLL_INTERVAL=5ms, CDC_MAX_BATCH_SIZE=512");

    assertThat(config.workload().rates()).containsExactly(500, 1000);
    assertThat(config.contestants()).containsExactly("poller-seed", "poller-tuned");
    assertThat(config.launch().relayEnv())
        .containsExactly(
            Map.entry("CDC_POLL_INTERVAL", "5ms"), Map.entry("CDC_MAX_BATCH_SIZE", "512"));
  }

  @Test
  void a_blank_value_is_the_default() {
    var config = config("BENCH_RATES", " ", "BENCH_OUT", "", "BENCH_FLOORS", "");

    assertThat(config.workload().rates()).containsExactly(100, 1000, 5000);
    assertThat(config.outDir()).isEqualTo(Path.of("bench-results").toAbsolutePath());
    assertThat(config.floors()).isTrue();
  }

  @Test
  void every_bad_value_is_reported_at_once() {
    assertThatThrownBy(
            () ->
                config(
                    "BENCH_RATES", "100,fast",
                    "BENCH_STEP_SECONDS", "0",
                    "BENCH_RELAY_ENV", "NO_EQUALS_SIGN",
                    "BENCH_FLOORS", "yes"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(4)
                    .anySatisfy(p -> assertThat(p).startsWith("BENCH_RATES"))
                    .anySatisfy(p -> assertThat(p).startsWith("BENCH_STEP_SECONDS"))
                    .anySatisfy(p -> assertThat(p).startsWith("BENCH_RELAY_ENV"))
                    .anySatisfy(p -> assertThat(p).startsWith("BENCH_FLOORS")));
  }

  @Test
  void the_relay_and_debezium_need_what_they_run_from() {
    assertThatThrownBy(
            () ->
                config(
                    "BENCH_CONTESTANTS", "relay,debezium-tuned",
                    "BENCH_OUTBOX_JAR", "/nonexistent/outbox.jar"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(p -> assertThat(p).startsWith("BENCH_OUTBOX_JAR names"))
                    .anySatisfy(p -> assertThat(p).startsWith("BENCH_DEBEZIUM_HOME is required")));
  }
}
