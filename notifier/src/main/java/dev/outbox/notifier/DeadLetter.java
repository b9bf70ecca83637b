package dev.outbox.notifier;

import java.time.Instant;

/**
 * One message in a dead-letter queue, as {@code dlq list} shows it. {@code eventId} and {@code
 * eventType} are null for a message that carried none (e.g. not JSON).
 */
public record DeadLetter(
    String queue,
    String eventId,
    String eventType,
    String reason,
    int attempts,
    String handler,
    Instant time) {}
