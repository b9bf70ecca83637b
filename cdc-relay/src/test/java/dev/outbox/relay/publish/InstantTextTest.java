package dev.outbox.relay.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantTextTest {

  @Test
  void is_instant_to_string_for_every_precision() {
    for (String text :
        new String[] {
          "2026-11-27T04:20:00Z",
          "2026-11-27T04:20:00.100Z",
          "2026-11-27T04:20:00.123456Z",
          "2026-11-27T04:20:00.000001Z",
          "2026-11-27T04:20:00.000000001Z",
          "2026-11-27T04:20:00.120000001Z",
          "1970-01-01T00:00:00Z",
          "9999-12-31T23:59:59.999999999Z",
          "0999-01-01T00:00:00Z",
          "+10000-01-01T00:00:00Z",
          "-0001-06-01T12:00:00.5Z"
        }) {
      Instant instant = Instant.parse(text);
      assertThat(InstantText.of(instant)).as(text).isEqualTo(instant.toString());
    }
  }

  @Test
  void is_instant_to_string_for_random_microsecond_times() {
    SplittableRandom random = new SplittableRandom(17);
    for (int i = 0; i < 100_000; i++) {
      long micros = random.nextLong(-100_000_000_000_000L, 253_402_300_800_000_000L);
      Instant instant =
          Instant.ofEpochSecond(
              Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
      assertThat(InstantText.of(instant)).isEqualTo(instant.toString());
    }
  }
}
