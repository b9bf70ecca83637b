package dev.outbox.notifier.channel;

import dev.outbox.notifier.event.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code SMS_ADAPTER=log}: writes a line per SMS instead of sending it (development). */
public final class LoggingSmsSender implements SmsSender {

  private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

  @Override
  public String provider() {
    return "log";
  }

  @Override
  public Outcome send(SmsMessage message) {
    log.info(
        "SMS (not sent, SMS_ADAPTER=log) event={} to={} length={}",
        message.eventId(),
        Recipients.maskPhone(message.to()),
        message.body().length());
    return new Outcome.Sent("log-" + message.eventId());
  }
}
