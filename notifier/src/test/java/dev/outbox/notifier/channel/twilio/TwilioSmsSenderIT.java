package dev.outbox.notifier.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.notifier.channel.SmsMessage;
import dev.outbox.notifier.config.TwilioSettings;
import dev.outbox.notifier.event.Outcome;
import dev.outbox.notifier.fakes.FakeHttpProvider;
import dev.outbox.notifier.fakes.FakeHttpProvider.Recorded;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TwilioSmsSenderIT {

  private static final String SID = "AC00000000000000000000000000000001";
  private static final FakeHttpProvider twilio = FakeHttpProvider.twilio();
  private static final TwilioSmsSender sender =
      new TwilioSmsSender(
          new TwilioSettings(
              SID,
              "auth-token",
              "+15005550006",
              twilio.baseUrl(),
              URI.create("https://shop.example/webhooks/twilio/status")),
          Duration.ofSeconds(5));

  @AfterAll
  static void stop() {
    twilio.close();
  }

  @Test
  void posts_the_exact_messages_request_and_returns_the_sid() {
    UUID eventId = UUID.randomUUID();

    Outcome result = sender.send(new SmsMessage(eventId, "welcome_sms", "+15005550100", "Hello"));

    assertThat(result).isInstanceOf(Outcome.Sent.class);
    assertThat(((Outcome.Sent) result).providerMessageId()).startsWith("SM");
    Recorded request = twilio.requestsTo("+15005550100").get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json");
    assertThat(request.headers().get("content-type"))
        .startsWith("application/x-www-form-urlencoded");
    String basic =
        Base64.getEncoder().encodeToString((SID + ":auth-token").getBytes(StandardCharsets.UTF_8));
    assertThat(request.headers()).containsEntry("authorization", "Basic " + basic);
    Map<String, String> form = request.form();
    assertThat(form)
        .containsEntry("To", "+15005550100")
        .containsEntry("From", "+15005550006")
        .containsEntry("Body", "Hello")
        .containsEntry(
            "StatusCallback",
            "https://shop.example/webhooks/twilio/status?event_id="
                + eventId
                + "&handler=welcome_sms");
  }

  @ParameterizedTest
  @ValueSource(ints = {21211, 21610, 21614, 21212})
  void invalid_unsubscribed_or_unreachable_numbers_are_permanent(int code) {
    String to = "+1500555" + code;
    twilio.script(to, FakeHttpProvider.twilioError(400, code));

    Outcome result = sender.send(new SmsMessage(UUID.randomUUID(), "welcome_sms", to, "Hello"));

    assertThat(result).isInstanceOf(Outcome.DeadLetter.class);
    assertThat(((Outcome.DeadLetter) result).reason()).contains("" + code);
    assertThat(twilio.requestsTo(to)).hasSize(1);
  }

  @Test
  void a_503_is_retryable_after_exactly_one_request() {
    String to = "+15005550503";
    twilio.script(to, FakeHttpProvider.reply(503, ""), FakeHttpProvider.reply(503, ""));

    Outcome result = sender.send(new SmsMessage(UUID.randomUUID(), "welcome_sms", to, "Hello"));

    assertThat(result).isInstanceOf(Outcome.RetryLater.class);
    assertThat(twilio.requestsTo(to)).hasSize(1);
  }

  /** A 5xx whose body is no Twilio error (a proxy's page, JSON without status) is transient. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"message\": \"upstream unavailable\"}",
        "<html><body>503 Service Unavailable</body></html>",
        "{\"code\": 20003, \"status\": 0}"
      })
  void a_5xx_without_a_twilio_status_in_its_body_is_retryable(String body) {
    String to = "+15005550" + (100 + Math.abs(body.hashCode() % 800));
    twilio.script(to, FakeHttpProvider.reply(503, body));

    Outcome result = sender.send(new SmsMessage(UUID.randomUUID(), "welcome_sms", to, "Hello"));

    assertThat(result).isInstanceOf(Outcome.RetryLater.class);
    assertThat(((Outcome.RetryLater) result).reason()).contains("503");
    assertThat(twilio.requestsTo(to)).hasSize(1);
  }

  @Test
  void a_4xx_without_a_twilio_status_in_its_body_stays_permanent() {
    String to = "+15005550404";
    twilio.script(to, FakeHttpProvider.reply(404, "{\"message\": \"no such route\"}"));

    Outcome result = sender.send(new SmsMessage(UUID.randomUUID(), "welcome_sms", to, "Hello"));

    assertThat(result).isInstanceOf(Outcome.DeadLetter.class);
    assertThat(((Outcome.DeadLetter) result).reason()).contains("404");
  }

  @Test
  void a_429_is_retryable_after_exactly_one_request() {
    String to = "+15005550429";
    twilio.script(to, FakeHttpProvider.twilioError(429, 20429));

    Outcome result = sender.send(new SmsMessage(UUID.randomUUID(), "welcome_sms", to, "Hello"));

    assertThat(result).isInstanceOf(Outcome.RetryLater.class);
    assertThat(twilio.requestsTo(to)).hasSize(1);
  }
}
