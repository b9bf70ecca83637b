package dev.outbox.chaos.load;

import java.time.Instant;
import java.util.UUID;

/**
 * A write the load saw acknowledged, i.e. a committed change that must have raised its event.
 *
 * @param eventId known for the suite's own SQL inserts; null for API writes, whose event is found
 *     by type and aggregate id (each aggregate raises each type at most once)
 * @param ackAt when the writer saw the commit (the API's 2xx, or COMMIT returning): an upper bound
 *     of the commit time, the start of the event's delivery delay
 */
public record Write(String eventType, String aggregateId, UUID eventId, Instant ackAt) {}
