package dev.outbox.notifier.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttemptTest {

  @Test
  void a_transient_failure_before_the_last_attempt_is_retried_naming_its_handler() {
    assertThat(new Attempt(4, 5, false).retryLater("503", "welcome_email"))
        .isEqualTo(new Outcome.RetryLater("503", "welcome_email"));
  }

  @Test
  void a_transient_failure_on_the_last_attempt_is_a_dead_letter_saying_it_gave_up() {
    assertThat(new Attempt(5, 5, false).retryLater("503", "welcome_email"))
        .isEqualTo(new Outcome.DeadLetter("gave up after 5 attempts: 503", "welcome_email"));
  }

  @Test
  void an_attempt_beyond_the_limit_also_gives_up() {
    assertThat(new Attempt(7, 5, true).retryLater("503", "analytics"))
        .isInstanceOf(Outcome.DeadLetter.class);
  }
}
