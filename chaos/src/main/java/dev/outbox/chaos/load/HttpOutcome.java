package dev.outbox.chaos.load;

import java.time.Instant;

/**
 * How one logical request ended after its retries (same Idempotency-Key each time).
 *
 * @param status the last answer's status, -1 when the last attempt got no answer at all
 * @param attempts how many times it was sent
 * @param replayed whether the final answer was an idempotent replay of an earlier attempt's
 * @param lastError why the last attempt failed (the exception, or the status, path and body of a
 *     4xx or 5xx answer); null after a 2xx
 */
public record HttpOutcome(
    String route,
    String key,
    int status,
    int attempts,
    boolean replayed,
    Instant started,
    Instant ended,
    String lastError) {}
