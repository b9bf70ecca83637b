package dev.outbox.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.outbox.config.ConfigReader;
import dev.outbox.config.Environment;
import dev.outbox.notifier.channel.EmailMessage;
import dev.outbox.notifier.channel.LoggingEmailSender;
import dev.outbox.notifier.channel.LoggingSmsSender;
import dev.outbox.notifier.channel.SmsMessage;
import dev.outbox.notifier.config.NotifierConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class SendersTest {

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void the_log_adapters_print_bodies_exactly_when_log_adapter_print_bodies_says_so(boolean print) {
    Map<String, String> env = new HashMap<>();
    env.put("EMAIL_VERIFICATION_SECRET", "a-test-secret-of-at-least-32-characters");
    env.put("LOG_ADAPTER_PRINT_BODIES", Boolean.toString(print));
    NotifierConfig config = ConfigReader.read(Environment.of(env), NotifierConfig::read);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    List<Logger> loggers =
        List.of(
            (Logger) LoggerFactory.getLogger(LoggingEmailSender.class),
            (Logger) LoggerFactory.getLogger(LoggingSmsSender.class));
    loggers.forEach(l -> l.addAppender(lines));
    try {
      UUID event = UUID.randomUUID();
      Senders.email(config)
          .send(new EmailMessage(event, "welcome_email", "ada@example.com", "Hi", "<p>b</p>", "b"));
      Senders.sms(config).send(new SmsMessage(event, "welcome_sms", "+14155550100", "the text"));
    } finally {
      loggers.forEach(l -> l.detachAppender(lines));
    }

    assertThat(lines.list)
        .map(ILoggingEvent::getFormattedMessage)
        .hasSize(2)
        .allSatisfy(line -> assertThat(line.contains("\n")).isEqualTo(print));
  }
}
