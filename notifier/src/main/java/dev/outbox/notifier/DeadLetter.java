package dev.outbox.notifier;

import java.time.Instant;

/**
 * One message in a dead-letter queue, as {@code dlq list} shows it. {@code id} is its {@link
 * DeadLetterId}, which {@code dlq redrive} and {@code dlq discard} take; {@code eventId} and {@code
 * eventType} are null for a message that carried none (e.g. not JSON).
 */
public record DeadLetter(
    String id,
    String queue,
    String eventId,
    String eventType,
    String reason,
    int attempts,
    String handler,
    Instant time) {}
