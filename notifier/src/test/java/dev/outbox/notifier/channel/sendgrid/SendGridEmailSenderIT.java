package dev.outbox.notifier.channel.sendgrid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outbox.notifier.channel.EmailMessage;
import dev.outbox.notifier.config.SendGridSettings;
import dev.outbox.notifier.event.Outcome;
import dev.outbox.notifier.fakes.FakeHttpProvider;
import dev.outbox.notifier.fakes.FakeHttpProvider.Recorded;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SendGridEmailSenderIT {

  private static final FakeHttpProvider sendGrid = FakeHttpProvider.sendGrid();
  private static final SendGridEmailSender sender =
      new SendGridEmailSender(
          new SendGridSettings("SG.test-key", "noreply@example.com", sendGrid.baseUrl()),
          Duration.ofSeconds(5));

  @AfterAll
  static void stop() throws Exception {
    sender.close();
    sendGrid.close();
  }

  private static EmailMessage mail(UUID eventId, String to) {
    return new EmailMessage(eventId, "welcome_email", to, "Hello", "<p>Hi</p>", "Hi");
  }

  @Test
  void sends_the_exact_v3_mail_send_request_and_returns_the_message_id() {
    UUID eventId = UUID.randomUUID();

    Outcome result = sender.send(mail(eventId, "exact@example.com"));

    assertThat(result).isInstanceOf(Outcome.Sent.class);
    assertThat(((Outcome.Sent) result).providerMessageId()).startsWith("sg-msg-");
    Recorded request = sendGrid.requestsTo("exact@example.com").get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v3/mail/send");
    assertThat(request.headers()).containsEntry("authorization", "Bearer SG.test-key");
    JsonNode body = request.json();
    assertThat(body.at("/personalizations/0/to/0/email").asText()).isEqualTo("exact@example.com");
    assertThat(body.at("/from/email").asText()).isEqualTo("noreply@example.com");
    assertThat(body.at("/subject").asText()).isEqualTo("Hello");
    assertThat(body.at("/content/0/type").asText()).isEqualTo("text/plain");
    assertThat(body.at("/content/0/value").asText()).isEqualTo("Hi");
    assertThat(body.at("/content/1/type").asText()).isEqualTo("text/html");
    assertThat(body.at("/content/1/value").asText()).isEqualTo("<p>Hi</p>");
    assertThat(body.at("/custom_args/event_id").asText()).isEqualTo(eventId.toString());
    assertThat(body.at("/custom_args/handler").asText()).isEqualTo("welcome_email");
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 500, 503})
  void rate_limits_and_server_errors_are_retryable_after_exactly_one_request(int status) {
    String to = "retryable-" + status + "@example.com";
    sendGrid.script(to, FakeHttpProvider.reply(status, "{\"errors\":[]}"));

    Outcome result = sender.send(mail(UUID.randomUUID(), to));

    assertThat(result).isInstanceOf(Outcome.RetryLater.class);
    assertThat(((Outcome.RetryLater) result).reason()).contains("" + status);
    assertThat(sendGrid.requestsTo(to)).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 413})
  void client_errors_are_permanent(int status) {
    String to = "permanent-" + status + "@example.com";
    sendGrid.script(
        to, FakeHttpProvider.reply(status, "{\"errors\":[{\"message\":\"no " + status + "\"}]}"));

    Outcome result = sender.send(mail(UUID.randomUUID(), to));

    assertThat(result).isInstanceOf(Outcome.DeadLetter.class);
    assertThat(((Outcome.DeadLetter) result).reason()).contains("no " + status);
    assertThat(sendGrid.requestsTo(to)).hasSize(1);
  }

  @Test
  void an_unreachable_server_is_retryable() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (SendGridEmailSender unreachable =
        new SendGridEmailSender(
            new SendGridSettings(
                "SG.k", "noreply@example.com", URI.create("http://127.0.0.1:" + closedPort)),
            Duration.ofSeconds(2))) {

      assertThat(unreachable.send(mail(UUID.randomUUID(), "x@example.com")))
          .isInstanceOf(Outcome.RetryLater.class);
    }
  }
}
