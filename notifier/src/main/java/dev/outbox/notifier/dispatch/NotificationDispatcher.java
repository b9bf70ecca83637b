package dev.outbox.notifier.dispatch;

import dev.outbox.notifier.channel.EmailMessage;
import dev.outbox.notifier.channel.EmailSender;
import dev.outbox.notifier.channel.SmsMessage;
import dev.outbox.notifier.channel.SmsSender;
import dev.outbox.notifier.consume.EventEnvelope;
import dev.outbox.notifier.consume.EventHandler;
import dev.outbox.notifier.consume.HandlerOutcome;
import dev.outbox.notifier.dispatch.NotificationRule.Planned;
import dev.outbox.notifier.store.Claim;
import dev.outbox.notifier.store.Deliveries;
import dev.outbox.notifier.store.NewDelivery;
import dev.outbox.notifier.store.NewDelivery.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's notification service as one queue's handler: for each {@link NotificationRule} of the
 * event's type it claims the delivery, renders, sends outside any transaction and records the
 * outcome. The claim makes it idempotent per (event id, rule): a delivery already sent is skipped,
 * one held by another instance is looked at again later.
 */
public final class NotificationDispatcher implements EventHandler {

  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final List<NotificationRule> rules;
  private final Deliveries deliveries;
  private final NotificationTemplates templates;
  private final EmailSender email;
  private final SmsSender sms;
  private final MeterRegistry meters;

  public NotificationDispatcher(
      List<NotificationRule> rules,
      Deliveries deliveries,
      NotificationTemplates templates,
      EmailSender email,
      SmsSender sms,
      MeterRegistry meters) {
    this.rules = List.copyOf(rules);
    this.deliveries = deliveries;
    this.templates = templates;
    this.email = email;
    this.sms = sms;
    this.meters = meters;
  }

  @Override
  public String name() {
    return "notifications";
  }

  @Override
  public Set<String> eventTypes() {
    Set<String> types = new TreeSet<>();
    rules.forEach(rule -> types.add(rule.eventType()));
    return types;
  }

  @Override
  public HandlerOutcome handle(EventEnvelope event, Attempt attempt) {
    List<HandlerOutcome> outcomes = new ArrayList<>();
    for (NotificationRule rule : rules) {
      if (rule.eventType().equals(event.type())) {
        rule.plan()
            .apply(event)
            .ifPresent(planned -> outcomes.add(dispatch(rule, event, planned, attempt)));
      }
    }
    return Outcomes.combine(outcomes);
  }

  private HandlerOutcome dispatch(
      NotificationRule rule, EventEnvelope event, Planned planned, Attempt attempt) {
    String recipient = planned.recipient();
    String provider = rule.channel() == Channel.EMAIL ? email.provider() : sms.provider();
    NewDelivery delivery =
        new NewDelivery(
            event.id(),
            rule.name(),
            event.type(),
            rule.channel(),
            recipient,
            rule.template(),
            provider);
    Claim claim = deliveries.claim(delivery, attempt.redriven());
    if (claim instanceof Claim.AlreadySent) {
      log.info("Skipping {} for event {}: already sent", rule.name(), event.id());
      return new HandlerOutcome.Duplicate();
    }
    if (claim instanceof Claim.Busy) {
      return new HandlerOutcome.Busy();
    }
    if (claim instanceof Claim.AlreadyFailed failed) {
      return new HandlerOutcome.Failed(failed.lastError(), rule.name());
    }
    Claim.Claimed claimed = (Claim.Claimed) claim;
    DispatchResult result;
    try {
      result = send(rule, event, planned);
    } catch (TemplateFailure e) {
      result = new DispatchResult.PermanentFailure(e.getMessage());
    } catch (RuntimeException e) {
      // A sender must classify failures itself; an exception here is a bug or an unexpected
      // outage, and retrying is the answer that cannot lose the notification.
      log.warn("{} for event {} threw; retrying", rule.name(), event.id(), e);
      result = new DispatchResult.RetryableFailure("unexpected " + e);
    }
    return record(rule, claimed, result, attempt);
  }

  private DispatchResult send(NotificationRule rule, EventEnvelope event, Planned planned) {
    if (rule.channel() == Channel.EMAIL) {
      RenderedEmail mail = templates.email(rule.template(), planned.model());
      return email.send(
          new EmailMessage(
              event.id(), planned.recipient(), mail.subject(), mail.html(), mail.text()));
    }
    String body = templates.sms(rule.template(), planned.model());
    return sms.send(new SmsMessage(event.id(), planned.recipient(), body));
  }

  private HandlerOutcome record(
      NotificationRule rule, Claim.Claimed claimed, DispatchResult result, Attempt attempt) {
    String channel = rule.channel().name().toLowerCase(java.util.Locale.ROOT);
    if (result instanceof DispatchResult.Sent sent) {
      if (!deliveries.markSent(claimed, sent.providerMessageId())) {
        // The send outlived the lease and another instance took the delivery over: both sent.
        log.warn(
            "{} for delivery {} was sent after its lease expired; it may have been sent twice",
            rule.name(),
            claimed.id());
      }
      meters.counter("notifier.notifications.sent", "channel", channel).increment();
      return new HandlerOutcome.Completed();
    }
    meters.counter("notifier.notifications.failed", "channel", channel).increment();
    if (result instanceof DispatchResult.RetryableFailure retry) {
      if (!attempt.isLast()) {
        deliveries.markRetryScheduled(claimed, retry.reason());
        return new HandlerOutcome.Retry(rule.name() + ": " + retry.reason());
      }
      String reason = "gave up after " + attempt.number() + " attempts: " + retry.reason();
      deliveries.markGaveUp(claimed, reason);
      return new HandlerOutcome.Failed(reason, rule.name());
    }
    String reason = ((DispatchResult.PermanentFailure) result).reason();
    deliveries.markFailedPermanently(claimed, reason);
    return new HandlerOutcome.Failed(reason, rule.name());
  }
}
