package dev.outbox.notifier.store;

import java.time.Instant;
import java.util.UUID;

/** One row of the delivery log. */
public record DeliveryRecord(
    UUID eventId,
    String handler,
    String channel,
    String recipient,
    String template,
    String provider,
    String providerMessageId,
    DeliveryState state,
    int attempts,
    Instant leaseUntil,
    String lastError,
    Instant createdAt,
    Instant updatedAt) {}
