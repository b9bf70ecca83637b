package dev.outbox.notifier.dispatch;

import dev.outbox.notifier.channel.EmailSender;
import dev.outbox.notifier.channel.SmsSender;
import dev.outbox.notifier.dispatch.NotificationRule.Planned;
import dev.outbox.notifier.event.Attempt;
import dev.outbox.notifier.event.EventEnvelope;
import dev.outbox.notifier.event.EventHandler;
import dev.outbox.notifier.event.Outcome;
import dev.outbox.notifier.store.Claim;
import dev.outbox.notifier.store.Deliveries;
import dev.outbox.notifier.store.DeliveryStoreException;
import dev.outbox.notifier.store.NewDelivery;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's notification service as one queue's handler: for each {@link NotificationRule} of the
 * event's type it checks the recipient (an invalid one is dead-lettered before anything else),
 * claims the delivery, renders, sends outside any transaction and records the outcome. The claim
 * makes it idempotent per (event id, rule): a delivery already sent is skipped, one held by another
 * instance is looked at again later.
 */
public final class NotificationDispatcher implements EventHandler {

  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final List<NotificationRule> rules;
  private final Deliveries deliveries;
  private final Channels channels;
  private final ChannelMetrics metrics;

  public NotificationDispatcher(
      List<NotificationRule> rules,
      Deliveries deliveries,
      NotificationTemplates templates,
      EmailSender email,
      SmsSender sms,
      MeterRegistry meters) {
    this.rules = List.copyOf(rules);
    this.deliveries = deliveries;
    this.channels = new Channels(templates, email, sms);
    this.metrics = new ChannelMetrics(meters);
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
  public Outcome handle(EventEnvelope event, Attempt attempt) {
    List<Outcome> outcomes = new ArrayList<>();
    for (NotificationRule rule : rules) {
      if (rule.eventType().equals(event.type())) {
        rule.plan()
            .apply(event)
            .ifPresent(planned -> outcomes.add(dispatch(rule, event, planned, attempt)));
      }
    }
    return Outcomes.combine(outcomes);
  }

  private Outcome dispatch(
      NotificationRule rule, EventEnvelope event, Planned planned, Attempt attempt) {
    Optional<String> invalid = channels.recipientProblem(rule.channel(), planned.recipient());
    if (invalid.isPresent()) {
      // Refused before the claim: no provider is asked, the delivery log stays untouched, and no
      // retry or redrive of this message can make the recipient valid.
      metrics.failed(rule.channel());
      metrics.deadLettered(rule.channel());
      return new Outcome.DeadLetter(invalid.get(), rule.name());
    }
    NewDelivery delivery =
        new NewDelivery(
            event.id(),
            rule.name(),
            event.type(),
            rule.channel(),
            planned.recipient(),
            rule.template(),
            channels.provider(rule.channel()));
    Claim claim = deliveries.claim(delivery, attempt.redriven());
    if (claim instanceof Claim.Claimed claimed) {
      return record(rule, claimed, channels.send(rule, event, planned), attempt, event);
    }
    if (claim instanceof Claim.AlreadySent) {
      log.info("Skipping {} for event {}: already sent", rule.name(), event.id());
      return new Outcome.Duplicate();
    }
    if (claim instanceof Claim.ConfirmedByProvider) {
      // A dead instance's send that the provider reported on: done, and counted as sent.
      metrics.sent(rule.channel());
      metrics.confirmedByProvider();
      return new Outcome.Completed();
    }
    if (claim instanceof Claim.AlreadyFailed failed) {
      return new Outcome.DeadLetter(failed.lastError(), rule.name());
    }
    return new Outcome.Busy();
  }

  /** Makes the sender's answer durable, fenced by the claim, and names the rule in a failure. */
  private Outcome record(
      NotificationRule rule,
      Claim.Claimed claimed,
      Outcome sent,
      Attempt attempt,
      EventEnvelope event) {
    if (sent instanceof Outcome.Sent accepted) {
      if (!markSent(rule, claimed, accepted, event)) {
        // The send outlived the lease and another instance took the delivery over: both sent.
        log.warn(
            "{} for delivery {} was sent after its lease expired; it may have been sent twice",
            rule.name(),
            claimed.id());
      }
      metrics.sent(rule.channel());
      return accepted;
    }
    metrics.failed(rule.channel());
    if (sent instanceof Outcome.RetryLater retry) {
      return recordRetry(rule, claimed, retry.reason(), attempt, event);
    }
    String reason =
        sent instanceof Outcome.DeadLetter refused
            ? refused.reason()
            : "the sender answered " + sent + ", which is not a send outcome";
    deliveries.markFailedPermanently(claimed, reason);
    metrics.deadLettered(rule.channel());
    return new Outcome.DeadLetter(reason, rule.name());
  }

  // The provider accepted, the record did not happen (the database stayed unreachable for a
  // lease): notifier/README.md's at-least-once window. The line names the notification, so that a
  // second send can be traced to it (the chaos suite's checker reads it).
  private boolean markSent(
      NotificationRule rule, Claim.Claimed claimed, Outcome.Sent accepted, EventEnvelope event) {
    try {
      return deliveries.markSent(claimed, accepted.providerMessageId());
    } catch (DeliveryStoreException e) {
      log.error(
          "accepted but not recorded: {} ({}) of event {}, delivery {}; it will be sent again"
              + " after its lease",
          rule.name(),
          rule.channel(),
          event.id(),
          claimed.id());
      metrics.unrecorded(rule.channel());
      throw e;
    }
  }

  // Named, because a failure without an answer (a timeout) may follow the provider's acceptance:
  // a second send of that notification is then the at-least-once policy, not a fault.
  private Outcome recordRetry(
      NotificationRule rule,
      Claim.Claimed claimed,
      String reason,
      Attempt attempt,
      EventEnvelope event) {
    log.warn(
        "sending {} ({}) of event {} failed, retrying later: {}",
        rule.name(),
        rule.channel(),
        event.id(),
        reason);
    Outcome next = attempt.retryLater(reason, rule.name());
    if (next instanceof Outcome.DeadLetter gaveUp) {
      deliveries.markGaveUp(claimed, gaveUp.reason());
      metrics.deadLettered(rule.channel());
    } else {
      deliveries.markRetryScheduled(claimed, reason);
      metrics.retried(rule.channel());
    }
    return next;
  }
}
