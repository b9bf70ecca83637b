package dev.outbox.chaos.check;

import dev.outbox.chaos.provider.Channel;
import java.util.UUID;

/**
 * One notification an event calls for. An event raises at most one email and one SMS
 * (notifier/README.md), so event id and channel name the notification, i.e. the notifier's (event
 * id, handler) idempotency key.
 */
public record Notification(UUID eventId, Channel channel) {}
