package dev.outbox.notifier.dispatch;

import dev.outbox.notifier.channel.EmailMessage;
import dev.outbox.notifier.channel.EmailSender;
import dev.outbox.notifier.channel.Recipients;
import dev.outbox.notifier.channel.SmsMessage;
import dev.outbox.notifier.channel.SmsSender;
import dev.outbox.notifier.dispatch.NotificationRule.Planned;
import dev.outbox.notifier.event.EventEnvelope;
import dev.outbox.notifier.event.Outcome;
import dev.outbox.notifier.store.NewDelivery.Channel;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a notification's recipient, renders it and hands it to the sender of its channel, exactly
 * one provider request. What the sender answers is the outcome; a template that cannot render is a
 * dead letter, a sender that throws is a retry.
 */
final class Channels {

  private static final Logger log = LoggerFactory.getLogger(Channels.class);

  private final NotificationTemplates templates;
  private final EmailSender email;
  private final SmsSender sms;

  Channels(NotificationTemplates templates, EmailSender email, SmsSender sms) {
    this.templates = templates;
    this.email = email;
    this.sms = sms;
  }

  /**
   * Why the recipient cannot be sent to on the channel ({@link Recipients}' rules), or empty when
   * it can.
   */
  Optional<String> recipientProblem(Channel channel, String recipient) {
    return channel == Channel.EMAIL
        ? Recipients.emailProblem(recipient)
        : Recipients.phoneProblem(recipient);
  }

  /** The provider's name, as the delivery log records it. */
  String provider(Channel channel) {
    return channel == Channel.EMAIL ? email.provider() : sms.provider();
  }

  /** Answers {@link Outcome.Sent}, {@link Outcome.RetryLater} or {@link Outcome.DeadLetter}. */
  Outcome send(NotificationRule rule, EventEnvelope event, Planned planned) {
    try {
      return rule.channel() == Channel.EMAIL
          ? sendEmail(rule, event, planned)
          : sendSms(rule, event, planned);
    } catch (TemplateFailure e) {
      return new Outcome.DeadLetter(e.getMessage());
    } catch (RuntimeException e) {
      // A sender must classify failures itself; an exception here is a bug or an unexpected
      // outage, and retrying is the answer that cannot lose the notification.
      log.warn("{} for event {} threw; retrying", rule.name(), event.id(), e);
      return new Outcome.RetryLater("unexpected " + e);
    }
  }

  private Outcome sendEmail(NotificationRule rule, EventEnvelope event, Planned planned) {
    RenderedEmail mail = templates.email(rule.template(), planned.model());
    return email.send(
        new EmailMessage(
            event.id(),
            rule.name(),
            planned.recipient(),
            mail.subject(),
            mail.html(),
            mail.text()));
  }

  private Outcome sendSms(NotificationRule rule, EventEnvelope event, Planned planned) {
    String body = templates.sms(rule.template(), planned.model());
    return sms.send(new SmsMessage(event.id(), rule.name(), planned.recipient(), body));
  }
}
