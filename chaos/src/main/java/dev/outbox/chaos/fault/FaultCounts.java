package dev.outbox.chaos.fault;

/**
 * How many of each fault a run injects.
 *
 * @param notifierKills kills in total, alternating between the two notifiers
 */
public record FaultCounts(
    int relayKills,
    int notifierKills,
    int brokerRestarts,
    int brokerKills,
    int walSenderKills,
    int postgresRestarts) {}
