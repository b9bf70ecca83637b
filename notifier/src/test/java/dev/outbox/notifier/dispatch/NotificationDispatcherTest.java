package dev.outbox.notifier.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.notifier.dispatch.NotificationRule.Planned;
import dev.outbox.notifier.event.Attempt;
import dev.outbox.notifier.event.EventEnvelope;
import dev.outbox.notifier.event.EventEnvelopeParser;
import dev.outbox.notifier.event.Outcome;
import dev.outbox.notifier.store.DeliveryState;
import dev.outbox.notifier.store.DeliveryStoreException;
import dev.outbox.notifier.store.NewDelivery.Channel;
import dev.outbox.testing.ContractFixtures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationDispatcherTest {

  private static final Attempt FIRST = new Attempt(1, 5, false);
  private static final Attempt LAST = new Attempt(5, 5, false);

  private final InMemoryDeliveries deliveries = new InMemoryDeliveries();
  private final FakeSenders senders = new FakeSenders();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final EventEnvelope payment =
      new EventEnvelopeParser().parse(ContractFixtures.bytes("payment-received.v1.json"));

  private NotificationDispatcher dispatcher(List<NotificationRule> extra) {
    List<NotificationRule> rules =
        new ArrayList<>(
            new Notifications(
                    new VerificationToken("s"),
                    URI.create("http://localhost:8080"),
                    Clock.systemUTC())
                .all());
    rules.addAll(extra);
    return new NotificationDispatcher(
        rules, deliveries, new NotificationTemplates(), senders, senders, meters);
  }

  private final NotificationDispatcher dispatcher = dispatcher(List.of());

  @Test
  void every_channel_counter_exists_at_zero_before_the_first_event() {
    for (String meter : List.of("sent", "failed", "retried", "dead_lettered")) {
      for (String channel : List.of("email", "sms")) {
        assertThat(meters.get("notifier.notifications." + meter).tag("channel", channel).counter())
            .as(meter + " " + channel)
            .satisfies(counter -> assertThat(counter.count()).isZero());
      }
    }
  }

  @Test
  void declares_the_event_types_its_rules_need() {
    assertThat(dispatcher.eventTypes())
        .containsExactlyInAnyOrder("user.created", "order.placed", "payment.received");
  }

  @Test
  void sends_every_notification_of_the_event_and_records_the_provider_ids() {
    Outcome outcome = dispatcher.handle(payment, FIRST);

    assertThat(outcome).isInstanceOf(Outcome.Completed.class);
    assertThat(senders.emails)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.to()).isEqualTo("ada@example.com");
              assertThat(m.subject()).contains("0190a5c8-2222-7000-8000-000000000001");
              assertThat(m.eventId()).isEqualTo(payment.id());
            });
    assertThat(senders.sms).singleElement().satisfies(m -> assertThat(m.body()).contains("19.99"));
    assertThat(deliveries.find(payment.id(), "payment_receipt_email").orElseThrow().state())
        .isEqualTo(DeliveryState.SENT);
    assertThat(meters.counter("notifier.notifications.sent", "channel", "sms").count())
        .isEqualTo(1);
  }

  @Test
  void a_redelivered_event_is_a_duplicate_and_sends_nothing() {
    dispatcher.handle(payment, FIRST);

    Outcome again = dispatcher.handle(payment, FIRST);

    assertThat(again).isInstanceOf(Outcome.Duplicate.class);
    assertThat(senders.emails).hasSize(1);
    assertThat(senders.sms).hasSize(1);
  }

  /**
   * The provider accepted and the record failed (the database stayed down): the failure reaches the
   * consumer (the message is retried, the claim is left to its lease) and is counted apart, as the
   * at-least-once window it is.
   */
  @Test
  void a_send_whose_record_failed_is_counted_as_unrecorded_and_the_failure_passes_on() {
    deliveries.failRecordsOfSent();

    assertThatThrownBy(() -> dispatcher.handle(payment, FIRST))
        .isInstanceOf(DeliveryStoreException.class);

    assertThat(senders.emails).hasSize(1);
    assertThat(meters.counter("notifier.notifications.unrecorded", "channel", "email").count())
        .isEqualTo(1);
    assertThat(deliveries.find(payment.id(), "payment_receipt_email").orElseThrow().state())
        .isEqualTo(DeliveryState.SENDING);
  }

  @Test
  void a_retryable_failure_retries_only_the_failed_notification() {
    senders.answer(() -> new Outcome.Sent("e-1"), () -> new Outcome.RetryLater("503"));

    Outcome first = dispatcher.handle(payment, FIRST);
    Outcome second = dispatcher.handle(payment, new Attempt(2, 5, false));

    assertThat(first).isEqualTo(new Outcome.RetryLater("503", "payment_receipt_sms"));
    assertThat(second).isInstanceOf(Outcome.Completed.class);
    assertThat(senders.emails).hasSize(1);
    assertThat(senders.sms).hasSize(2);
    assertThat(count("retried", "sms")).isEqualTo(1);
    assertThat(count("dead_lettered", "sms")).isZero();
  }

  @Test
  void a_retryable_failure_on_the_last_attempt_gives_up() {
    senders.answer(() -> new Outcome.RetryLater("503"), () -> new Outcome.Sent("s-1"));

    Outcome outcome = dispatcher.handle(payment, LAST);

    assertThat(outcome).isInstanceOf(Outcome.DeadLetter.class);
    assertThat(((Outcome.DeadLetter) outcome).reason()).startsWith("gave up after 5 attempts");
    assertThat(((Outcome.DeadLetter) outcome).handler()).isEqualTo("payment_receipt_email");
    assertThat(deliveries.find(payment.id(), "payment_receipt_email").orElseThrow().state())
        .isEqualTo(DeliveryState.GAVE_UP);
    assertThat(count("dead_lettered", "email")).isEqualTo(1);
    assertThat(count("retried", "email")).isZero();
  }

  private double count(String meter, String channel) {
    return meters.counter("notifier.notifications." + meter, "channel", channel).count();
  }

  @Test
  void a_permanently_failed_delivery_stays_failed_until_redriven() {
    senders.answer(() -> new Outcome.DeadLetter("400 bad address"));
    dispatcher.handle(payment, FIRST);

    Outcome redelivered = dispatcher.handle(payment, FIRST);
    Outcome redriven = dispatcher.handle(payment, new Attempt(1, 5, true));

    assertThat(redelivered).isInstanceOf(Outcome.DeadLetter.class);
    assertThat(((Outcome.DeadLetter) redelivered).reason()).isEqualTo("400 bad address");
    assertThat(redriven).isInstanceOf(Outcome.Completed.class);
    assertThat(senders.emails).hasSize(2);
  }

  @Test
  void a_delivery_leased_by_another_instance_is_busy_until_the_lease_expires() {
    deliveries.claim(
        new dev.outbox.notifier.store.NewDelivery(
            payment.id(),
            "payment_receipt_email",
            "payment.received",
            Channel.EMAIL,
            "ada@example.com",
            "payment_receipt_email",
            "fake"),
        false);

    Outcome busy = dispatcher.handle(payment, FIRST);
    deliveries.expireAll();
    Outcome taken = dispatcher.handle(payment, FIRST);

    assertThat(busy).isInstanceOf(Outcome.Busy.class);
    assertThat(taken).isInstanceOf(Outcome.Completed.class);
    assertThat(senders.emails).hasSize(1);
  }

  @Test
  void a_template_missing_a_variable_fails_permanently_without_calling_the_provider() {
    NotificationRule broken =
        new NotificationRule(
            "broken_sms",
            "payment.received",
            Channel.SMS,
            "broken_test",
            e -> Optional.of(new Planned("+15005550006", Map.of())));

    Outcome outcome = dispatcher(List.of(broken)).handle(payment, FIRST);

    assertThat(outcome).isInstanceOf(Outcome.DeadLetter.class);
    assertThat(((Outcome.DeadLetter) outcome).reason()).contains("name_that_is_never_given");
    assertThat(deliveries.find(payment.id(), "broken_sms").orElseThrow().state())
        .isEqualTo(DeliveryState.FAILED_PERMANENT);
    assertThat(senders.sms).hasSize(1);
  }

  @Test
  void an_invalid_email_address_is_dead_lettered_without_calling_the_provider_or_claiming() {
    EventEnvelope event = payment("\"ada@example.com\"", "\"ada(at)example.com\"");

    Outcome outcome = dispatcher.handle(event, FIRST);

    assertThat(outcome)
        .isEqualTo(
            new Outcome.DeadLetter(
                "recipient is not a valid email address (local-part@domain.tld)",
                "payment_receipt_email"));
    assertThat(senders.emails).isEmpty();
    assertThat(senders.sms).singleElement();
    assertThat(deliveries.find(event.id(), "payment_receipt_email")).isEmpty();
    assertThat(meters.counter("notifier.notifications.failed", "channel", "email").count())
        .isEqualTo(1);
  }

  @Test
  void a_phone_number_not_in_e164_form_is_dead_lettered_while_the_email_is_sent() {
    EventEnvelope event = payment("\"+15005550006\"", "\"015005550006\"");

    Outcome outcome = dispatcher.handle(event, FIRST);
    Outcome again = dispatcher.handle(event, new Attempt(1, 5, true));

    assertThat(outcome).isInstanceOf(Outcome.DeadLetter.class);
    assertThat(((Outcome.DeadLetter) outcome).reason()).contains("not an E.164 phone number");
    assertThat(((Outcome.DeadLetter) outcome).handler()).isEqualTo("payment_receipt_sms");
    assertThat(again).isEqualTo(outcome);
    assertThat(senders.sms).isEmpty();
    assertThat(senders.emails).singleElement();
  }

  private static EventEnvelope payment(String field, String replacement) {
    String body =
        new String(ContractFixtures.bytes("payment-received.v1.json"), StandardCharsets.UTF_8)
            .replace(field, replacement);
    return new EventEnvelopeParser().parse(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void a_sender_that_throws_is_retried_instead_of_crashing_the_consumer() {
    senders.answer(
        () -> {
          throw new IllegalStateException("boom");
        });

    Outcome outcome = dispatcher.handle(payment, FIRST);

    assertThat(outcome).isInstanceOf(Outcome.RetryLater.class);
    assertThat(((Outcome.RetryLater) outcome).reason()).contains("boom");
    assertThat(((Outcome.RetryLater) outcome).handler()).isEqualTo("payment_receipt_email");
  }
}
