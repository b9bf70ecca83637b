package dev.outbox.notifier.channel.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.outbox.notifier.channel.EmailMessage;
import dev.outbox.notifier.config.SmtpSettings;
import dev.outbox.notifier.event.Outcome;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SmtpEmailSenderIT {

  private static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

  @BeforeAll
  static void startSmtp() {
    smtp.start();
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  private static SmtpEmailSender sender(int port) {
    return new SmtpEmailSender(
        new SmtpSettings("127.0.0.1", port, null, null, "noreply@example.com", false),
        Duration.ofSeconds(5));
  }

  @Test
  void the_message_arrives_with_a_plain_text_and_an_html_part() throws Exception {
    UUID eventId = UUID.randomUUID();

    Outcome result =
        sender(smtp.getSmtp().getPort())
            .send(
                new EmailMessage(
                    eventId,
                    "welcome_email",
                    "ada@example.com",
                    "Welcome",
                    "<p>Hi Ada</p>",
                    "Hi Ada"));

    assertThat(result).isInstanceOf(Outcome.Sent.class);
    assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
    MimeMessage received = smtp.getReceivedMessages()[0];
    assertThat(received.getSubject()).isEqualTo("Welcome");
    assertThat(received.getHeader("X-Event-Id")).containsExactly(eventId.toString());
    assertThat(received.getMessageID()).isEqualTo(((Outcome.Sent) result).providerMessageId());
    assertThat(Arrays.stream(received.getAllRecipients()).map(Object::toString))
        .containsExactly("ada@example.com");
    MimeMultipart alternative = (MimeMultipart) received.getContent();
    assertThat(alternative.getContentType()).startsWith("multipart/alternative");
    assertThat(alternative.getCount()).isEqualTo(2);
    BodyPart text = alternative.getBodyPart(0);
    BodyPart html = alternative.getBodyPart(1);
    assertThat(text.getContentType()).startsWith("text/plain");
    assertThat(text.getContent().toString()).isEqualTo("Hi Ada");
    assertThat(html.getContentType()).startsWith("text/html");
    assertThat(html.getContent().toString()).isEqualTo("<p>Hi Ada</p>");
  }

  @Test
  void an_unreachable_server_is_retryable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    Outcome result =
        sender(closedPort)
            .send(
                new EmailMessage(
                    UUID.randomUUID(), "welcome_email", "ada@example.com", "S", "<p>h</p>", "t"));

    assertThat(result).isInstanceOf(Outcome.RetryLater.class);
  }

  @Test
  void a_malformed_recipient_is_permanent() {
    Outcome result =
        sender(smtp.getSmtp().getPort())
            .send(
                new EmailMessage(
                    UUID.randomUUID(), "welcome_email", "not an address", "S", "<p>h</p>", "t"));

    assertThat(result).isInstanceOf(Outcome.DeadLetter.class);
  }
}
