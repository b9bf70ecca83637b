package dev.outbox.notifier.channel;

import dev.outbox.notifier.event.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code EMAIL_ADAPTER=log}: writes each email's subject and plain-text part to the log instead of
 * sending it (development), so a developer can follow its links; the recipient is masked.
 */
public final class LoggingEmailSender implements EmailSender {

  private static final Logger log = LoggerFactory.getLogger(LoggingEmailSender.class);

  @Override
  public String provider() {
    return "log";
  }

  @Override
  public Outcome send(EmailMessage message) {
    log.info(
        "Email (not sent, EMAIL_ADAPTER=log) event={} to={} subject={}\n{}",
        message.eventId(),
        Recipients.maskEmail(message.to()),
        message.subject(),
        message.text());
    return new Outcome.Sent("log-" + message.eventId());
  }
}
