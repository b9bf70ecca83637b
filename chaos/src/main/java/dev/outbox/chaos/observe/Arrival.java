package dev.outbox.chaos.observe;

import java.time.Instant;
import java.util.UUID;

/**
 * One message the audit consumer received from the exchange.
 *
 * @param id the message_id (the outbox event id); null when it was not a UUID
 * @param seq arrival number at the audit consumer, from 1 (the broker keeps one queue in order)
 * @param redelivered the broker's flag: a copy the queue delivered again (an ack lost in a broker
 *     restart), not a second publication by the relay
 */
public record Arrival(UUID id, long seq, Instant at, boolean redelivered, String routingKey) {}
