package dev.outbox.notifier.channel;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.outbox.notifier.event.Outcome;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingSendersTest {

  private static final UUID EVENT = UUID.fromString("0190a5c8-1111-7000-8000-000000000001");
  private static final String LINK =
      "http://localhost:8080/users/0190a5c8-0000-7000-8000-000000000001/verify-email?token=1.x";
  private static final EmailMessage WELCOME =
      new EmailMessage(
          EVENT,
          "welcome_email",
          "ada@example.com",
          "Welcome! Please confirm your email address",
          "<p>" + LINK + "</p>",
          "Your account for ada@example.com is ready.\n\n" + LINK + "\n");
  private static final SmsMessage SMS =
      new SmsMessage(
          EVENT,
          "welcome_sms",
          "+14155550100",
          "Welcome! Your account for ada@example.com is ready.");

  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private final List<Logger> loggers =
      List.of(logger(LoggingEmailSender.class), logger(LoggingSmsSender.class));

  LoggingSendersTest() {
    lines.start();
    loggers.forEach(l -> l.addAppender(lines));
  }

  @AfterEach
  void detach() {
    loggers.forEach(l -> l.detachAppender(lines));
  }

  private static Logger logger(Class<?> type) {
    return (Logger) LoggerFactory.getLogger(type);
  }

  private List<String> logged() {
    return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void by_default_only_the_masked_summary_line_is_logged() {
    Outcome email = new LoggingEmailSender().send(WELCOME);
    Outcome sms = new LoggingSmsSender(false).send(SMS);

    assertThat(email).isEqualTo(new Outcome.Sent("log-" + EVENT));
    assertThat(sms).isEqualTo(new Outcome.Sent("log-" + EVENT));
    assertThat(logged())
        .containsExactly(
            "Email (not sent, EMAIL_ADAPTER=log) event="
                + EVENT
                + " to=a***@example.com subject=Welcome! Please confirm your email address",
            "SMS (not sent, SMS_ADAPTER=log) event=" + EVENT + " to=+*******0100 length=51");
    assertThat(String.join("\n", logged()))
        .doesNotContain("ada@example.com", "+14155550100", "verify-email", "token=");
  }

  @Test
  void when_asked_the_bodies_with_the_full_address_and_the_working_link_follow_the_summary() {
    new LoggingEmailSender(true).send(WELCOME);
    new LoggingSmsSender(true).send(SMS);

    assertThat(logged())
        .containsExactly(
            "Email (not sent, EMAIL_ADAPTER=log) event="
                + EVENT
                + " to=a***@example.com subject=Welcome! Please confirm your email address\n"
                + WELCOME.text(),
            "SMS (not sent, SMS_ADAPTER=log) event="
                + EVENT
                + " to=+*******0100 length=51\n"
                + SMS.body());
  }
}
