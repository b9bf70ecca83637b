package dev.outbox.chaos.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimelineTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void an_instant_belongs_to_the_last_phase_begun_before_it() {
    Timeline timeline =
        Timeline.of(
            new Timeline.Phase("steady", T0),
            new Timeline.Phase("relay-kill-1", T0.plusSeconds(10)));

    assertThat(timeline.phaseAt(T0.minusSeconds(1))).isEqualTo("setup");
    assertThat(timeline.phaseAt(T0)).isEqualTo("steady");
    assertThat(timeline.phaseAt(T0.plusSeconds(9))).isEqualTo("steady");
    assertThat(timeline.phaseAt(T0.plusSeconds(10))).isEqualTo("relay-kill-1");
    assertThat(timeline.phaseAt(T0.plusSeconds(99))).isEqualTo("relay-kill-1");
  }

  @Test
  void a_moment_just_before_a_phase_began_is_nearest_to_that_phase() {
    Timeline timeline =
        Timeline.of(
            new Timeline.Phase("steady", T0),
            new Timeline.Phase("relay-kill-1", T0.plusSeconds(10)));

    assertThat(timeline.nearestPhase(T0.plusSeconds(9))).isEqualTo("relay-kill-1");
    assertThat(timeline.nearestPhase(T0.plusSeconds(4))).isEqualTo("steady");
  }
}
