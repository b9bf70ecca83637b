package dev.outbox.notifier.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.notifier.consume.HandlerOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomesTest {

  private static final HandlerOutcome DONE = new HandlerOutcome.Completed();
  private static final HandlerOutcome DUPLICATE = new HandlerOutcome.Duplicate();
  private static final HandlerOutcome BUSY = new HandlerOutcome.Busy();

  @Test
  void a_retry_wins_over_everything_so_failed_parts_are_tried_again_first() {
    assertThat(
            Outcomes.combine(
                List.of(
                    new HandlerOutcome.Failed("400", "sms"),
                    BUSY,
                    new HandlerOutcome.Retry("503"))))
        .isEqualTo(new HandlerOutcome.Retry("503"));
  }

  @Test
  void a_busy_part_waits_before_the_event_is_dead_lettered() {
    assertThat(Outcomes.combine(List.of(new HandlerOutcome.Failed("400", "sms"), BUSY)))
        .isEqualTo(BUSY);
  }

  @Test
  void failures_are_joined_with_their_handlers() {
    assertThat(
            Outcomes.combine(
                List.of(
                    DONE,
                    new HandlerOutcome.Failed("400", "email"),
                    new HandlerOutcome.Failed("21610", "sms"))))
        .isEqualTo(new HandlerOutcome.Failed("400; 21610", "email,sms"));
  }

  @Test
  void an_event_is_a_duplicate_only_when_every_part_was_sent_before() {
    assertThat(Outcomes.combine(List.of(DUPLICATE, DUPLICATE))).isEqualTo(DUPLICATE);
    assertThat(Outcomes.combine(List.of(DUPLICATE, DONE))).isEqualTo(DONE);
    assertThat(Outcomes.combine(List.of())).isEqualTo(DONE);
  }
}
