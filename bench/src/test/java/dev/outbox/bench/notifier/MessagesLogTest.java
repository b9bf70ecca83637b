package dev.outbox.bench.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import dev.outbox.notifier.channel.LoggingEmailSender;
import dev.outbox.notifier.channel.LoggingSmsSender;
import dev.outbox.notifier.dispatch.NotificationDispatcher;
import dev.outbox.notifier.dispatch.NotificationTemplates;
import dev.outbox.notifier.dispatch.Notifications;
import dev.outbox.notifier.dispatch.VerificationToken;
import dev.outbox.notifier.event.Attempt;
import dev.outbox.notifier.event.EventEnvelopeParser;
import dev.outbox.notifier.store.Claim;
import dev.outbox.notifier.store.Deliveries;
import dev.outbox.notifier.store.DeliveryRecord;
import dev.outbox.notifier.store.NewDelivery;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The measured notifier's logging configuration sends the log adapters' lines and the skipped
 * duplicates to the message log, and {@link MessagesLog} counts them: the real notifier classes
 * write the lines here.
 */
class MessagesLogTest {

  @TempDir Path dir;
  private Path file;
  private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();

  @BeforeEach
  void logLikeTheMeasuredNotifier() throws Exception {
    file = dir.resolve("messages.log");
    System.setProperty("bench.notifier.messages", file.toString());
    logging.reset();
    var configurator = new JoranConfigurator();
    configurator.setContext(logging);
    configurator.doConfigure(NotifierProcess.class.getResource("notifier-logback.xml"));
  }

  @AfterEach
  void restoreTheHarnessLogging() throws Exception {
    logging.reset();
    new ContextInitializer(logging).autoConfig();
    System.clearProperty("bench.notifier.messages");
  }

  /** A delivery log that knows only whether a notification was sent before. */
  private static final class SentBefore implements Deliveries {
    private final Set<String> sent = new HashSet<>();

    @Override
    public Claim claim(NewDelivery delivery, boolean redriven) {
      return sent.add(delivery.eventId() + delivery.handler())
          ? new Claim.Claimed(sent.size(), 1)
          : new Claim.AlreadySent("earlier");
    }

    @Override
    public boolean markSent(Claim.Claimed claim, String providerMessageId) {
      return true;
    }

    @Override
    public boolean markRetryScheduled(Claim.Claimed claim, String error) {
      return true;
    }

    @Override
    public boolean markFailedPermanently(Claim.Claimed claim, String error) {
      return true;
    }

    @Override
    public boolean markGaveUp(Claim.Claimed claim, String error) {
      return true;
    }

    @Override
    public Optional<DeliveryRecord> find(UUID eventId, String handler) {
      return Optional.empty();
    }
  }

  @Test
  void counts_the_emails_and_sms_of_the_log_adapters_and_the_skipped_copies() throws Exception {
    var dispatcher =
        new NotificationDispatcher(
            new Notifications(
                    new VerificationToken("bench-only-secret"),
                    URI.create("http://localhost:8080"),
                    Clock.systemUTC())
                .all(),
            new SentBefore(),
            new NotificationTemplates(),
            new LoggingEmailSender(),
            new LoggingSmsSender(),
            new SimpleMeterRegistry());
    var parser = new EventEnvelopeParser();
    var first = UserCreatedMessage.fresh(1);
    var second = UserCreatedMessage.fresh(2);
    var attempt = new Attempt(1, 10, false);

    dispatcher.handle(parser.parse(first.body()), attempt);
    dispatcher.handle(parser.parse(second.body()), attempt);
    dispatcher.handle(parser.parse(first.body()), attempt); // an exact copy

    assertThat(MessagesLog.count(file)).isEqualTo(new MessagesLog.Counts(2, 2, 2, 2, 1));
  }

  @Test
  void a_missing_log_counts_nothing() throws Exception {
    assertThat(MessagesLog.count(dir.resolve("absent.log")))
        .isEqualTo(new MessagesLog.Counts(0, 0, 0, 0, 0));
  }
}
