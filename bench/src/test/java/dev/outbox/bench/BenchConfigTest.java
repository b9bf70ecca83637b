package dev.outbox.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchConfigTest {

  private static BenchConfig config(String... pairs) {
    Map<String, String> env = new HashMap<>(Map.of("BENCH_CONTESTANTS", "poller-tuned"));
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return BenchConfig.fromEnv(env);
  }

  @Test
  void the_notifier_measure_defaults_to_5000_events_with_a_tenth_copied() {
    var config = config();

    assertThat(config.notifierEvents()).isEqualTo(5_000);
    assertThat(config.notifierDuplicatePercent()).isEqualTo(10);
    assertThat(config.notifierTimeoutSeconds()).isEqualTo(90);
    assertThat(config.notifierJavaOpts()).isEmpty();
  }

  @Test
  void no_copies_is_a_valid_share_but_more_than_all_is_not() {
    assertThat(config("BENCH_NOTIFIER_DUPLICATE_PERCENT", "0").notifierDuplicatePercent()).isZero();
    assertThatThrownBy(() -> config("BENCH_NOTIFIER_DUPLICATE_PERCENT", "101"))
        .hasMessageContaining("BENCH_NOTIFIER_DUPLICATE_PERCENT");
    assertThatThrownBy(() -> config("BENCH_NOTIFIER_EVENTS", "0"))
        .hasMessageContaining("BENCH_NOTIFIER_EVENTS");
  }
}
