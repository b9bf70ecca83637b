package dev.outbox.notifier;

import static dev.outbox.notifier.fakes.FakeHttpProvider.reply;
import static dev.outbox.notifier.fakes.FakeHttpProvider.twilioError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outbox.notifier.channel.EmailMessage;
import dev.outbox.notifier.event.Outcome;
import dev.outbox.notifier.fakes.FakeHttpProvider.Recorded;
import dev.outbox.notifier.store.DeliveryRecord;
import dev.outbox.notifier.store.DeliveryState;
import dev.outbox.notifier.store.NewDelivery;
import dev.outbox.notifier.store.NewDelivery.Channel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The notifier end to end: real RabbitMQ and PostgreSQL, real adapters against fake providers. */
class NotifierIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static NotifierHarness it;

  @BeforeAll
  static void startNotifier() throws Exception {
    it = new NotifierHarness();
  }

  @AfterAll
  static void stopNotifier() throws Exception {
    it.close();
  }

  private static String email() {
    return "u-" + UUID.randomUUID() + "@example.com";
  }

  private static String phone() {
    return "+1555" + String.format("%07d", (long) (Math.random() * 10_000_000));
  }

  private static DeliveryRecord awaitState(UUID eventId, String handler, DeliveryState state) {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(it.delivery(eventId, handler))
                    .get()
                    .extracting(DeliveryRecord::state)
                    .isEqualTo(state));
    return it.delivery(eventId, handler).orElseThrow();
  }

  private static DeadLetter awaitDeadLetter(String queue, String messageId) throws Exception {
    await().atMost(WAIT).untilAsserted(() -> assertThat(deadLetter(queue, messageId)).isPresent());
    return deadLetter(queue, messageId).orElseThrow();
  }

  private static Optional<DeadLetter> deadLetter(String queue, String messageId) throws Exception {
    return it.deadLetters().list(10_000).letters().stream()
        .filter(d -> d.queue().equals(queue + ".dlq") && messageId.equals(d.eventId()))
        .findFirst();
  }

  @Test
  void user_created_sends_a_welcome_email_with_the_verification_link_and_a_welcome_sms()
      throws Exception {
    String email = email();
    String phone = phone();
    TestEvents event = TestEvents.userCreated(email, phone);

    it.publish(event);

    DeliveryRecord mail = awaitState(event.id(), "welcome_email", DeliveryState.SENT);
    DeliveryRecord sms = awaitState(event.id(), "welcome_sms", DeliveryState.SENT);
    Recorded request = it.sendGrid.requestsTo(email).get(0);
    String userId = event.payload().get("user_id").asText();
    assertThat(request.json().at("/content/0/value").asText())
        .contains("https://shop.example/users/" + userId + "/verify-email?token=");
    assertThat(request.json().at("/custom_args/event_id").asText())
        .isEqualTo(event.id().toString());
    assertThat(mail.providerMessageId()).startsWith("sg-msg-");
    assertThat(mail.recipient()).isEqualTo(email);
    assertThat(mail.template()).isEqualTo("welcome_email");
    assertThat(mail.provider()).isEqualTo("sendgrid");
    assertThat(sms.providerMessageId()).startsWith("SM");
    assertThat(it.twilio.requestsTo(phone)).hasSize(1);
    assertThat(it.meters.counter("notifier.notifications.sent", "channel", "email").count())
        .isPositive();
    assertThat(it.meters.counter("notifier.notifications.sent", "channel", "sms").count())
        .isPositive();
    assertThat(it.meters.find("notifier.handler.latency").tag("queue", it.queue()).timer().count())
        .isPositive();
  }

  @Test
  void analytics_count_users_orders_payments_and_revenue_per_day() throws Exception {
    java.time.Instant day = java.time.Instant.parse("2032-02-29T23:59:59Z");
    double before = it.settled(it.analyticsQueue());

    it.publish(TestEvents.userCreated(email(), null).occurredAt(day));
    it.publish(TestEvents.orderPlaced(email()).occurredAt(day));
    it.publish(TestEvents.paymentReceived(email(), null, "19.99").occurredAt(day));
    it.publish(TestEvents.paymentReceived(email(), null, "0.01").occurredAt(day));

    await().atMost(WAIT).until(() -> it.settled(it.analyticsQueue()) >= before + 4);
    var counts =
        new dev.outbox.notifier.store.JdbcAnalyticsStore(it.pool, it.clock)
            .dailyCounts(java.time.LocalDate.parse("2032-02-29"));
    assertThat(counts)
        .containsOnlyKeys("users_created", "orders_placed", "payments_received", "revenue_EUR");
    assertThat(counts.get("users_created")).isEqualByComparingTo("1");
    assertThat(counts.get("orders_placed")).isEqualByComparingTo("1");
    assertThat(counts.get("payments_received")).isEqualByComparingTo("2");
    assertThat(counts.get("revenue_EUR")).isEqualByComparingTo("20.00");
  }

  @Test
  void a_user_without_a_phone_gets_no_sms() throws Exception {
    TestEvents event = TestEvents.userCreated(email(), null);

    it.publish(event);

    awaitState(event.id(), "welcome_email", DeliveryState.SENT);
    assertThat(it.delivery(event.id(), "welcome_sms")).isEmpty();
  }

  @Test
  void the_same_event_delivered_five_times_sends_one_email_and_counts_once() throws Exception {
    String email = email();
    TestEvents event =
        TestEvents.orderPlaced(email).occurredAt(java.time.Instant.parse("2031-01-05T12:00:00Z"));
    double settledBefore = it.settled(it.queue());
    double analyticsBefore = it.settled(it.analyticsQueue());

    for (int i = 0; i < 5; i++) {
      it.publish(event);
    }

    await()
        .atMost(WAIT)
        .until(
            () ->
                it.settled(it.queue()) >= settledBefore + 5
                    && it.settled(it.analyticsQueue()) >= analyticsBefore + 5);
    assertThat(it.sendGrid.requestsTo(email)).hasSize(1);
    assertThat(awaitState(event.id(), "order_confirmation_email", DeliveryState.SENT).attempts())
        .isEqualTo(1);
    assertThat(
            new dev.outbox.notifier.store.JdbcAnalyticsStore(it.pool, it.clock)
                .dailyCounts(java.time.LocalDate.parse("2031-01-05")))
        .containsOnlyKeys("orders_placed")
        .hasEntrySatisfying("orders_placed", v -> assertThat(v).isEqualByComparingTo("1"));
  }

  @Test
  void two_instances_on_one_queue_send_each_notification_exactly_once() throws Exception {
    List<TestEvents> events =
        java.util.stream.IntStream.range(0, 15)
            .mapToObj(i -> TestEvents.paymentReceived(email(), phone(), "10.00"))
            .toList();
    double settledBefore = it.settled(it.queue());
    try (Notifier second = it.newInstance()) {
      second.start();
      for (int round = 0; round < 3; round++) {
        for (TestEvents event : events) {
          it.publish(event);
        }
      }

      await().atMost(WAIT).until(() -> it.settled(it.queue()) >= settledBefore + 45);
    }
    for (TestEvents event : events) {
      assertThat(it.sendGrid.requestsTo(event.payload().get("email").asText())).hasSize(1);
      assertThat(it.twilio.requestsTo(event.payload().get("phone").asText())).hasSize(1);
      assertThat(it.delivery(event.id(), "payment_receipt_email").orElseThrow().state())
          .isEqualTo(DeliveryState.SENT);
      assertThat(it.delivery(event.id(), "payment_receipt_sms").orElseThrow().state())
          .isEqualTo(DeliveryState.SENT);
    }
  }

  @Test
  void a_message_that_is_not_json_goes_to_the_dead_letter_queue_at_once() throws Exception {
    String messageId = "poison-" + UUID.randomUUID();

    it.publish("order.placed", messageId, "{not json".getBytes(StandardCharsets.UTF_8));

    DeadLetter letter = awaitDeadLetter(it.queue(), messageId);
    assertThat(letter.reason()).startsWith("malformed event: body is not JSON");
    assertThat(letter.attempts()).isEqualTo(1);
    assertThat(letter.handler()).isEqualTo("notifications");
    assertThat(letter.time()).isNotNull();
    assertThat(awaitDeadLetter(it.analyticsQueue(), messageId).handler()).isEqualTo("analytics");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        it.meters
                            .get("notifier.dead_letter.messages")
                            .tag("queue", it.queue() + ".dlq")
                            .gauge()
                            .value())
                    .as("the sampled depth of the dead-letter queue")
                    .isPositive());
  }

  @Test
  void an_event_lacking_a_payload_field_goes_to_the_dead_letter_queue_at_once() throws Exception {
    String email = email();
    TestEvents event = TestEvents.orderPlaced(email).without("total");

    it.publish(event);

    DeadLetter letter = awaitDeadLetter(it.queue(), event.id().toString());
    assertThat(letter.reason())
        .startsWith("malformed event: order.placed event " + event.id())
        .contains("payload field total must be a decimal string", "but is missing");
    assertThat(letter.eventType()).isEqualTo("order.placed");
    assertThat(it.sendGrid.requestsTo(email)).isEmpty();
  }

  @Test
  void a_user_created_whose_email_is_a_number_is_dead_lettered_and_nothing_is_sent()
      throws Exception {
    String phone = phone();
    TestEvents event = TestEvents.userCreated(email(), phone).with("email", 12345);

    it.publish(event);

    DeadLetter letter = awaitDeadLetter(it.queue(), event.id().toString());
    assertThat(letter.reason())
        .isEqualTo(
            "malformed event: user.created event "
                + event.id()
                + ": payload field email must be a non-blank string, but is a number");
    assertThat(letter.attempts()).isEqualTo(1);
    assertThat(letter.handler()).isEqualTo("notifications");
    assertThat(awaitDeadLetter(it.analyticsQueue(), event.id().toString()).reason())
        .contains("payload field email must be a non-blank string, but is a number");
    assertThat(it.sendGrid.requestsTo("12345")).isEmpty();
    assertThat(it.sendGrid.requests())
        .noneMatch(
            r -> r.json().at("/custom_args/event_id").asText().equals(event.id().toString()));
    assertThat(it.twilio.requestsTo(phone)).isEmpty();
    assertThat(it.delivery(event.id(), "welcome_email")).isEmpty();
    assertThat(it.delivery(event.id(), "welcome_sms")).isEmpty();
  }

  @Test
  void invalid_recipients_are_dead_lettered_without_a_provider_request_or_a_retry()
      throws Exception {
    String badEmail = "u-" + UUID.randomUUID() + "(at)example.com";
    String badPhone = "0" + phone().substring(2);
    TestEvents event = TestEvents.userCreated(badEmail, badPhone);

    it.publish(event);

    DeadLetter letter = awaitDeadLetter(it.queue(), event.id().toString());
    assertThat(letter.reason())
        .isEqualTo(
            "recipient is not a valid email address (local-part@domain.tld); recipient is not an"
                + " E.164 phone number (+, then 8 to 15 digits, the first not 0)");
    assertThat(letter.handler()).isEqualTo("welcome_email,welcome_sms");
    assertThat(letter.attempts()).isEqualTo(1);
    assertThat(it.sendGrid.requestsTo(badEmail)).isEmpty();
    assertThat(it.twilio.requestsTo(badPhone)).isEmpty();
    assertThat(it.delivery(event.id(), "welcome_email")).isEmpty();
  }

  @Test
  void a_transient_failure_three_times_then_success_sends_once() throws Exception {
    String email = email();
    it.sendGrid.script(email, reply(503, ""), reply(429, ""), reply(500, ""));
    TestEvents event = TestEvents.orderPlaced(email);

    it.publish(event);

    DeliveryRecord row = awaitState(event.id(), "order_confirmation_email", DeliveryState.SENT);
    assertThat(row.attempts()).isEqualTo(4);
    assertThat(row.providerMessageId()).startsWith("sg-msg-");
    assertThat(it.sendGrid.requestsTo(email)).hasSize(4);
  }

  @Test
  void a_permanent_failure_is_dead_lettered_with_its_reason_and_not_retried() throws Exception {
    String email = email();
    it.sendGrid.script(email, reply(400, "{\"errors\":[{\"message\":\"invalid email\"}]}"));
    TestEvents event = TestEvents.orderPlaced(email);

    it.publish(event);

    DeadLetter letter = awaitDeadLetter(it.queue(), event.id().toString());
    assertThat(letter.reason()).contains("SendGrid answered 400", "invalid email");
    assertThat(letter.attempts()).isEqualTo(1);
    assertThat(letter.handler()).isEqualTo("order_confirmation_email");
    assertThat(it.delivery(event.id(), "order_confirmation_email").orElseThrow().state())
        .isEqualTo(DeliveryState.FAILED_PERMANENT);
    assertThat(it.sendGrid.requestsTo(email)).hasSize(1);
  }

  @Test
  void retries_that_never_succeed_end_in_the_dead_letter_queue() throws Exception {
    String email = email();
    it.sendGrid.script(
        email, reply(503, ""), reply(503, ""), reply(503, ""), reply(503, ""), reply(503, ""));
    TestEvents event = TestEvents.orderPlaced(email);

    it.publish(event);

    DeadLetter letter = awaitDeadLetter(it.queue(), event.id().toString());
    assertThat(letter.reason()).startsWith("gave up after 5 attempts").contains("503");
    assertThat(letter.attempts()).isEqualTo(5);
    assertThat(it.delivery(event.id(), "order_confirmation_email").orElseThrow().state())
        .isEqualTo(DeliveryState.GAVE_UP);
    assertThat(it.sendGrid.requestsTo(email)).hasSize(5);
  }

  @Test
  void redriving_a_fixed_message_sends_it_once() throws Exception {
    String email = email();
    it.sendGrid.script(email, reply(403, "{\"errors\":[{\"message\":\"sender not verified\"}]}"));
    TestEvents event = TestEvents.orderPlaced(email);
    it.publish(event);
    awaitDeadLetter(it.queue(), event.id().toString());

    int moved = it.deadLetters().redrive(Optional.of(event.id().toString()));

    assertThat(moved).isEqualTo(1);
    DeliveryRecord row = awaitState(event.id(), "order_confirmation_email", DeliveryState.SENT);
    assertThat(row.attempts()).isEqualTo(2);
    assertThat(it.sendGrid.requestsTo(email)).hasSize(2);
    assertThat(deadLetter(it.queue(), event.id().toString())).isEmpty();
  }

  @Test
  void a_delivery_claimed_by_a_killed_instance_is_sent_after_its_lease_and_the_window()
      throws Exception {
    String email = email();
    TestEvents event = TestEvents.orderPlaced(email);
    // What a notifier killed between claim and send leaves behind: a SENDING row with a lease.
    it.deliveries.claim(orderConfirmation(event, email), false);
    double busyBefore = it.handled(it.queue(), "busy");

    it.publish(event);

    await().atMost(WAIT).until(() -> it.handled(it.queue(), "busy") > busyBefore);
    assertThat(it.sendGrid.requestsTo(email)).isEmpty();
    it.clock.advance(NotifierHarness.LEASE.plus(NotifierHarness.RECONCILE_WINDOW).plusSeconds(1));
    DeliveryRecord row = awaitState(event.id(), "order_confirmation_email", DeliveryState.SENT);
    assertThat(row.attempts()).isEqualTo(2);
    assertThat(it.sendGrid.requestsTo(email)).hasSize(1);
  }

  @Test
  void a_provider_acceptance_lost_in_a_crash_without_a_provider_report_is_sent_again()
      throws Exception {
    String email = email();
    TestEvents event = TestEvents.orderPlaced(email);
    // A notifier claimed, SendGrid accepted, and the process died before recording it.
    it.deliveries.claim(orderConfirmation(event, email), false);
    Outcome lost =
        Senders.email(it.config)
            .send(
                new EmailMessage(
                    event.id(),
                    "order_confirmation_email",
                    email,
                    "Order confirmed",
                    "<p>x</p>",
                    "x"));
    assertThat(lost).isInstanceOf(Outcome.Sent.class);

    it.publish(event);
    it.clock.advance(NotifierHarness.LEASE.plus(NotifierHarness.RECONCILE_WINDOW).plusSeconds(1));

    DeliveryRecord row = awaitState(event.id(), "order_confirmation_email", DeliveryState.SENT);
    List<Recorded> requests = it.sendGrid.requestsTo(email);
    assertThat(requests).hasSize(2);
    assertThat(requests)
        .allSatisfy(
            r ->
                assertThat(r.json().at("/custom_args/event_id").asText())
                    .isEqualTo(event.id().toString()));
    assertThat(row.providerMessageId()).isNotEqualTo(((Outcome.Sent) lost).providerMessageId());
    assertThat(row.attempts()).isEqualTo(2);
  }

  @Test
  void an_sms_retry_does_not_send_the_email_of_the_same_event_again() throws Exception {
    String email = email();
    String phone = phone();
    it.twilio.script(phone, reply(503, ""));
    TestEvents event = TestEvents.paymentReceived(email, phone, "19.99");

    it.publish(event);

    DeliveryRecord sms = awaitState(event.id(), "payment_receipt_sms", DeliveryState.SENT);
    assertThat(sms.attempts()).isEqualTo(2);
    assertThat(it.twilio.requestsTo(phone)).hasSize(2);
    assertThat(it.sendGrid.requestsTo(email)).hasSize(1);
  }

  @Test
  void an_unsubscribed_number_is_dead_lettered_while_the_email_is_sent() throws Exception {
    String email = email();
    String phone = phone();
    it.twilio.script(phone, twilioError(400, 21610));
    TestEvents event = TestEvents.paymentReceived(email, phone, "5.00");

    it.publish(event);

    DeadLetter letter = awaitDeadLetter(it.queue(), event.id().toString());
    assertThat(letter.reason()).contains("21610");
    assertThat(letter.handler()).isEqualTo("payment_receipt_sms");
    assertThat(it.delivery(event.id(), "payment_receipt_email").orElseThrow().state())
        .isEqualTo(DeliveryState.SENT);
    assertThat(it.twilio.requestsTo(phone)).hasSize(1);
    assertThat(it.sendGrid.requestsTo(email)).hasSize(1);
  }

  private static NewDelivery orderConfirmation(TestEvents event, String email) {
    return new NewDelivery(
        event.id(),
        "order_confirmation_email",
        "order.placed",
        Channel.EMAIL,
        email,
        "order_confirmation_email",
        "sendgrid");
  }
}
