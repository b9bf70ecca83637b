package dev.outbox.api.admin;

/**
 * The outbox backlog: events not yet published and not parked, events the relay parked after its
 * retries, and the age in seconds of the oldest pending one (null when none is pending).
 */
record OutboxBacklog(long pending, long parked, Double oldestPendingAgeSeconds) {}
