package dev.outbox.chaos.check;

import static dev.outbox.chaos.check.Fixtures.email;
import static dev.outbox.chaos.check.Fixtures.id;
import static dev.outbox.chaos.check.Fixtures.kill;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.chaos.observe.UnrecordedSend;
import dev.outbox.chaos.provider.Channel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SendCheckTest {

  private static final Set<Notification> EXPECTED =
      Set.of(new Notification(id(1), Channel.EMAIL), new Notification(id(2), Channel.EMAIL));

  @Test
  void one_accepted_request_per_notification_is_exactly_once() {
    SendVerdict verdict =
        SendCheck.check(
            EXPECTED,
            List.of(email(1, 1, "notifier-a#1", 1, 202), email(2, 2, "notifier-b#1", 2, 202)),
            List.of());

    assertThat(verdict.missing()).isEmpty();
    assertThat(verdict.unexpected()).isEmpty();
    assertThat(verdict.duplicates()).isEmpty();
    assertThat(verdict.accepted()).isEqualTo(2);
  }

  @Test
  void a_refused_attempt_followed_by_an_accepted_one_is_one_send() {
    SendVerdict verdict =
        SendCheck.check(
            EXPECTED,
            List.of(
                email(1, 1, "notifier-a#1", 1, 503),
                email(2, 1, "notifier-a#1", 2, 202),
                email(3, 2, "notifier-a#1", 3, 202)),
            List.of());

    assertThat(verdict.duplicates()).isEmpty();
    assertThat(verdict.missing()).isEmpty();
  }

  @Test
  void a_notification_only_ever_refused_is_missing() {
    SendVerdict verdict =
        SendCheck.check(
            EXPECTED,
            List.of(email(1, 1, "notifier-a#1", 1, 202), email(2, 2, "notifier-a#1", 2, 503)),
            List.of());

    assertThat(verdict.missing()).containsExactly(new Notification(id(2), Channel.EMAIL));
  }

  @Test
  void
      a_resend_after_the_earlier_sender_was_killed_between_accept_and_resend_is_the_crash_window() {
    SendVerdict verdict =
        SendCheck.check(
            EXPECTED,
            List.of(
                email(1, 1, "notifier-a#1", 1, 202),
                email(2, 2, "notifier-b#1", 2, 202),
                email(3, 1, "notifier-b#1", 7, 202)),
            List.of(kill("notifier-a#1", 1.1)));

    assertThat(verdict.outsideCrashWindow()).isEmpty();
    assertThat(verdict.inCrashWindow())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.notification()).isEqualTo(new Notification(id(1), Channel.EMAIL));
              assertThat(d.crash().incarnation()).isEqualTo("notifier-a#1");
              assertThat(d.again().seq()).isEqualTo(3);
            });
  }

  @Test
  void a_resend_without_a_kill_of_its_earlier_sender_is_outside_the_window() {
    SendVerdict verdict =
        SendCheck.check(
            EXPECTED,
            List.of(
                email(1, 1, "notifier-a#1", 1, 202),
                email(2, 1, "notifier-b#1", 7, 202),
                email(3, 2, "notifier-b#1", 8, 202)),
            List.of(kill("notifier-b#1", 1.5)));

    assertThat(verdict.inCrashWindow()).isEmpty();
    assertThat(verdict.outsideCrashWindow())
        .singleElement()
        .satisfies(d -> assertThat(d.crash()).isNull());
  }

  @Test
  void a_kill_after_the_resend_or_of_another_incarnation_does_not_explain_it() {
    var requests =
        List.of(
            email(1, 1, "notifier-a#1", 5, 202),
            email(2, 1, "notifier-b#1", 9, 202),
            email(3, 2, "notifier-b#1", 10, 202));

    assertThat(
            SendCheck.check(EXPECTED, requests, List.of(kill("notifier-a#2", 6)))
                .outsideCrashWindow())
        .hasSize(1);
    assertThat(
            SendCheck.check(EXPECTED, requests, List.of(kill("notifier-a#1", 9.5)))
                .outsideCrashWindow())
        .hasSize(1);
  }

  /** The kill's time is taken before the signal; the dying sender's last request may follow it. */
  @Test
  void a_request_that_arrived_just_after_its_senders_kill_was_recorded_is_the_crash_window() {
    var requests =
        List.of(email(1, 1, "notifier-a#1", 5.002, 202), email(2, 1, "notifier-b#1", 9, 202));

    assertThat(
            SendCheck.check(EXPECTED, requests, List.of(kill("notifier-a#1", 5))).inCrashWindow())
        .singleElement()
        .satisfies(d -> assertThat(d.window()).isEqualTo("after kill of notifier-a#1"));
  }

  @Test
  void a_resend_after_its_sender_logged_the_record_as_failed_is_the_window_without_a_crash() {
    var requests =
        List.of(
            email(1, 1, "notifier-a#1", 1, 202),
            email(2, 1, "notifier-b#1", 9, 202),
            email(3, 2, "notifier-b#1", 10, 202));
    var unrecorded = List.of(new UnrecordedSend(id(1), Channel.EMAIL, "notifier-a#1"));

    SendVerdict verdict = SendCheck.check(EXPECTED, requests, List.of(), unrecorded);

    assertThat(verdict.outsideCrashWindow()).isEmpty();
    assertThat(verdict.inCrashWindow())
        .singleElement()
        .satisfies(d -> assertThat(d.window()).isEqualTo("record failed in notifier-a#1"));
  }

  @Test
  void a_failed_record_of_another_sender_or_channel_does_not_explain_a_resend() {
    var requests =
        List.of(email(1, 1, "notifier-a#1", 1, 202), email(2, 1, "notifier-b#1", 9, 202));
    var unrecorded =
        List.of(
            new UnrecordedSend(id(1), Channel.EMAIL, "notifier-b#1"),
            new UnrecordedSend(id(1), Channel.SMS, "notifier-a#1"));

    assertThat(SendCheck.check(EXPECTED, requests, List.of(), unrecorded).outsideCrashWindow())
        .hasSize(1);
  }

  @Test
  void a_send_no_event_calls_for_is_unexpected() {
    SendVerdict verdict =
        SendCheck.check(
            EXPECTED,
            List.of(
                email(1, 1, "notifier-a#1", 1, 202),
                email(2, 2, "notifier-a#1", 2, 202),
                email(3, 3, "notifier-a#1", 3, 202)),
            List.of());

    assertThat(verdict.unexpected()).containsExactly(new Notification(id(3), Channel.EMAIL));
  }
}
