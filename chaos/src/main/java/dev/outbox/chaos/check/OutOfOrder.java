package dev.outbox.chaos.check;

import dev.outbox.chaos.observe.Arrival;
import dev.outbox.chaos.observe.CommittedEvent;

/**
 * An event that first arrived before an event of the same aggregate that committed earlier.
 *
 * @param overtaken the earliest-committed event of the aggregate that arrived after {@code event}
 */
public record OutOfOrder(CommittedEvent event, CommittedEvent overtaken, Arrival arrival) {}
