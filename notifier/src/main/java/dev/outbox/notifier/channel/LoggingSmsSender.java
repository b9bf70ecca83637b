package dev.outbox.notifier.channel;

import dev.outbox.notifier.event.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code SMS_ADAPTER=log}: logs a line per SMS instead of sending it (development), the number
 * masked; with {@code LOG_ADAPTER_PRINT_BODIES=true} also the text, which may hold the full email
 * address (local runs only).
 */
public final class LoggingSmsSender implements SmsSender {

  private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);
  private static final String SUMMARY = "SMS (not sent, SMS_ADAPTER=log) event={} to={} length={}";

  private final boolean printBodies;

  /** The summary line only. */
  public LoggingSmsSender() {
    this(false);
  }

  public LoggingSmsSender(boolean printBodies) {
    this.printBodies = printBodies;
  }

  @Override
  public String provider() {
    return "log";
  }

  @Override
  public Outcome send(SmsMessage message) {
    String to = Recipients.maskPhone(message.to());
    int length = message.body().length();
    if (printBodies) {
      log.info(SUMMARY + "\n{}", message.eventId(), to, length, message.body());
    } else {
      log.info(SUMMARY, message.eventId(), to, length);
    }
    return new Outcome.Sent("log-" + message.eventId());
  }
}
