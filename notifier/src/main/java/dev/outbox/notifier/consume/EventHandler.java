package dev.outbox.notifier.consume;

import java.util.Set;

/**
 * Reacts to events of the types it declares; one consumer (one queue) per handler. The consumer
 * binds its queue to exactly {@link #eventTypes()} and turns the returned {@link HandlerOutcome}
 * into an acknowledgement, a delayed retry or a dead letter.
 *
 * <p>Contract: {@link #handle} is idempotent per event id (the same event may be delivered any
 * number of times, also concurrently to several instances), returns an outcome instead of throwing
 * for every expected failure, and throws {@link MalformedEvent} for an event that breaks the
 * contract.
 */
public interface EventHandler {

  /** A short stable name, used in dead-letter headers and metrics. */
  String name();

  /** The routing keys (event types) this handler needs. */
  Set<String> eventTypes();

  HandlerOutcome handle(EventEnvelope event, Attempt attempt);

  /**
   * Which attempt this is: {@code number} starts at 1 and grows with each retry; {@code redriven}
   * says an operator sent the message back from the dead-letter queue, which allows failed
   * deliveries to be tried again.
   */
  record Attempt(int number, int maxAttempts, boolean redriven) {
    public boolean isLast() {
      return number >= maxAttempts;
    }
  }
}
