package dev.outbox.chaos.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FirstAttemptFailuresTest {

  @Test
  void a_chosen_notification_fails_only_its_first_attempt() {
    FirstAttemptFailures failures = new FirstAttemptFailures(100);
    UUID event = UUID.randomUUID();

    assertThat(failures.failsNow(Channel.EMAIL, event)).isTrue();
    assertThat(failures.failsNow(Channel.EMAIL, event)).isFalse();
    assertThat(failures.failsNow(Channel.SMS, event)).isTrue();
  }

  @Test
  void about_the_given_share_of_notifications_is_chosen() {
    FirstAttemptFailures failures = new FirstAttemptFailures(10);

    long chosen =
        IntStream.range(0, 10_000)
            .filter(i -> failures.failsNow(Channel.EMAIL, UUID.randomUUID()))
            .count();

    assertThat(chosen).isBetween(700L, 1300L);
  }
}
