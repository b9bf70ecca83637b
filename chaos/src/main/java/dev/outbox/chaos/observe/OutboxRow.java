package dev.outbox.chaos.observe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/** One row of {@code outbox_events} as read at the end of a run. */
public record OutboxRow(
    UUID id,
    String type,
    String aggregateType,
    String aggregateId,
    JsonNode payload,
    boolean published,
    boolean parked) {}
