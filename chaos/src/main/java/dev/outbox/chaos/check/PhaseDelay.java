package dev.outbox.chaos.check;

import java.time.Duration;

/**
 * Delivery delay of the events acknowledged during one phase: from the writer seeing its commit to
 * the event's first arrival at the audit queue.
 */
public record PhaseDelay(String phase, int events, Duration p50, Duration p99, Duration max) {}
