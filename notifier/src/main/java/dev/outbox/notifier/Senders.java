package dev.outbox.notifier;

import dev.outbox.notifier.channel.EmailSender;
import dev.outbox.notifier.channel.LoggingEmailSender;
import dev.outbox.notifier.channel.LoggingSmsSender;
import dev.outbox.notifier.channel.SmsSender;
import dev.outbox.notifier.channel.sendgrid.SendGridEmailSender;
import dev.outbox.notifier.channel.smtp.SmtpEmailSender;
import dev.outbox.notifier.channel.twilio.TwilioSmsSender;
import dev.outbox.notifier.config.NotifierConfig;

/** Picks the adapters that EMAIL_ADAPTER and SMS_ADAPTER name (LOG_ADAPTER_PRINT_BODIES: log's). */
final class Senders {

  private Senders() {}

  static EmailSender email(NotifierConfig config) {
    var timeout = config.consumer().sendTimeout();
    return switch (config.emailAdapter()) {
      case LOG -> new LoggingEmailSender(config.logAdapterPrintsBodies());
      case SENDGRID -> new SendGridEmailSender(config.sendGrid().orElseThrow(), timeout);
      case SMTP -> new SmtpEmailSender(config.smtp().orElseThrow(), timeout);
    };
  }

  static SmsSender sms(NotifierConfig config) {
    return switch (config.smsAdapter()) {
      case LOG -> new LoggingSmsSender(config.logAdapterPrintsBodies());
      case TWILIO ->
          new TwilioSmsSender(config.twilio().orElseThrow(), config.consumer().sendTimeout());
    };
  }
}
