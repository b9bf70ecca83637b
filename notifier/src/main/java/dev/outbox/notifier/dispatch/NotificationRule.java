package dev.outbox.notifier.dispatch;

import dev.outbox.notifier.event.EventEnvelope;
import dev.outbox.notifier.store.NewDelivery.Channel;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One notification an event type causes, e.g. {@code welcome_email} for {@code user.created}. The
 * name is the handler in the delivery log's idempotency key (event id, handler): never rename one
 * that has run in production, or its past events could be sent again.
 *
 * @param plan reads the event's payload (already checked against the contract by the parser) into a
 *     recipient and a template model; empty when this event needs no such notification (an SMS for
 *     a user without a phone)
 */
public record NotificationRule(
    String name,
    String eventType,
    Channel channel,
    String template,
    Function<EventEnvelope, Optional<Planned>> plan) {

  public NotificationRule {
    Objects.requireNonNull(name, "name is required");
    Objects.requireNonNull(eventType, "eventType is required");
    Objects.requireNonNull(channel, "channel is required");
    Objects.requireNonNull(template, "template is required");
    Objects.requireNonNull(plan, "plan is required");
  }

  /** Who receives the notification and what its template is rendered with. */
  public record Planned(String recipient, Map<String, Object> model) {}
}
