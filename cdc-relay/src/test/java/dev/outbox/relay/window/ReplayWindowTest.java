package dev.outbox.relay.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayWindowTest {

  private static final Instant T0 = Instant.parse("2026-11-27T06:00:00Z");

  @Test
  void nothing_is_confirmed_before_a_position_is_a_window_old() {
    ReplayWindow<Long> window = new ReplayWindow<>(Duration.ofMinutes(5));
    window.record(T0, 100L);
    window.record(T0.plusSeconds(60), 200L);

    assertThat(window.due(T0.plusSeconds(299))).isEmpty();
    assertThat(window.due(T0.plusSeconds(300))).contains(100L);
  }

  @Test
  void the_newest_position_older_than_the_window_is_confirmed_and_older_ones_are_dropped() {
    ReplayWindow<Long> window = new ReplayWindow<>(Duration.ofMinutes(5));
    for (int s = 0; s <= 120; s += 10) {
      window.record(T0.plusSeconds(s), 1000L + s);
    }

    assertThat(window.due(T0.plusSeconds(365))).contains(1060L);
    assertThat(window.size()).isEqualTo(7); // 1060 (kept, due again) and 1070..1120
    assertThat(window.due(T0.plusSeconds(366))).contains(1060L);
    assertThat(window.due(T0.plusSeconds(420))).contains(1120L);
  }

  @Test
  void samples_are_thinned_to_one_a_second_for_short_windows() {
    ReplayWindow<Long> window = new ReplayWindow<>(Duration.ofMinutes(5));
    for (int ms = 0; ms < 3000; ms += 250) {
      window.record(T0.plusMillis(ms), (long) ms);
    }

    assertThat(window.size()).isEqualTo(3); // 0, 1000, 2000
    // a position is never confirmed sooner than a window after it was stored
    assertThat(window.due(T0.plusMillis(300_000 + 1999))).contains(1000L);
  }

  @Test
  void long_windows_keep_about_a_thousand_samples() {
    ReplayWindow<Long> window = new ReplayWindow<>(Duration.ofHours(10));
    for (int s = 0; s < 10 * 3600; s++) {
      window.record(T0.plusSeconds(s), (long) s);
    }

    assertThat(window.size()).isBetween(1000, 1001);
    assertThat(window.due(T0.plus(Duration.ofHours(10)))).contains(0L);
  }

  @Test
  void a_window_must_be_positive() {
    assertThatThrownBy(() -> new ReplayWindow<Long>(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
