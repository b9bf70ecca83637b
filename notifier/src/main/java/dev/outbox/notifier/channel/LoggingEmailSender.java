package dev.outbox.notifier.channel;

import dev.outbox.notifier.event.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code EMAIL_ADAPTER=log}: logs each email instead of sending it (development). By default one
 * summary line with the recipient masked; with {@code LOG_ADAPTER_PRINT_BODIES=true} also the
 * plain-text part, which holds the full address and a working verification link, so a developer can
 * follow it (scripts/run asks for it; never in production).
 */
public final class LoggingEmailSender implements EmailSender {

  private static final Logger log = LoggerFactory.getLogger(LoggingEmailSender.class);
  private static final String SUMMARY =
      "Email (not sent, EMAIL_ADAPTER=log) event={} to={} subject={}";

  private final boolean printBodies;

  /** The summary line only. */
  public LoggingEmailSender() {
    this(false);
  }

  public LoggingEmailSender(boolean printBodies) {
    this.printBodies = printBodies;
  }

  @Override
  public String provider() {
    return "log";
  }

  @Override
  public Outcome send(EmailMessage message) {
    String to = Recipients.maskEmail(message.to());
    if (printBodies) {
      log.info(SUMMARY + "\n{}", message.eventId(), to, message.subject(), message.text());
    } else {
      log.info(SUMMARY, message.eventId(), to, message.subject());
    }
    return new Outcome.Sent("log-" + message.eventId());
  }
}
