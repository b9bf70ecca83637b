package dev.outbox.chaos.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What one fault did and how long the pipeline took to recover from it.
 *
 * @param measures named recovery times from the fault's start, e.g. "lock taken over", "streaming
 *     again", "deliveries resumed"
 * @param note what was hit, e.g. "killed relay-a#1"
 */
public record FaultResult(String fault, Instant at, Map<String, Duration> measures, String note) {}
