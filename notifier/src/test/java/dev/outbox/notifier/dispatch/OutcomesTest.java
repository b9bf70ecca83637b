package dev.outbox.notifier.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.notifier.event.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomesTest {

  private static final Outcome SENT = new Outcome.Sent("sg-1");
  private static final Outcome DUPLICATE = new Outcome.Duplicate();
  private static final Outcome BUSY = new Outcome.Busy();
  private static final Outcome DONE = new Outcome.Completed();

  @Test
  void a_retry_wins_over_everything_so_failed_parts_are_tried_again_first() {
    assertThat(
            Outcomes.combine(
                List.of(
                    new Outcome.DeadLetter("400", "sms"),
                    BUSY,
                    new Outcome.RetryLater("503", "email"))))
        .isEqualTo(new Outcome.RetryLater("503", "email"));
  }

  @Test
  void retries_are_joined_with_their_handlers() {
    assertThat(
            Outcomes.combine(
                List.of(
                    new Outcome.RetryLater("503", "email"), new Outcome.RetryLater("429", "sms"))))
        .isEqualTo(new Outcome.RetryLater("503; 429", "email,sms"));
  }

  @Test
  void a_busy_part_waits_before_the_event_is_dead_lettered() {
    assertThat(Outcomes.combine(List.of(new Outcome.DeadLetter("400", "sms"), BUSY)))
        .isEqualTo(BUSY);
  }

  @Test
  void failures_are_joined_with_their_handlers() {
    assertThat(
            Outcomes.combine(
                List.of(
                    SENT,
                    new Outcome.DeadLetter("400", "email"),
                    new Outcome.DeadLetter("21610", "sms"))))
        .isEqualTo(new Outcome.DeadLetter("400; 21610", "email,sms"));
  }

  @Test
  void an_event_is_a_duplicate_only_when_every_part_was_sent_before() {
    assertThat(Outcomes.combine(List.of(DUPLICATE, DUPLICATE))).isEqualTo(DUPLICATE);
    assertThat(Outcomes.combine(List.of(DUPLICATE, SENT))).isEqualTo(DONE);
    assertThat(Outcomes.combine(List.of(SENT, SENT))).isEqualTo(DONE);
    assertThat(Outcomes.combine(List.of())).isEqualTo(DONE);
  }
}
