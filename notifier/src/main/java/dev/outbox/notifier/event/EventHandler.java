package dev.outbox.notifier.event;

import java.util.Set;

/**
 * Reacts to events of the types it declares; one consumer (one queue) per handler. The consumer
 * binds its queue to exactly {@link #eventTypes()} and turns the returned {@link Outcome} into an
 * acknowledgement, a delayed retry or a dead letter.
 *
 * <p>Contract: {@link #handle} is idempotent per event id (the same event may be delivered any
 * number of times, also concurrently to several instances); it returns an outcome instead of
 * throwing for every expected failure, builds a {@link Outcome.RetryLater} only through {@link
 * Attempt#retryLater}, and throws {@link MalformedEvent} for an event that breaks the contract.
 */
public interface EventHandler {

  /** A short stable name, used in dead-letter headers and metrics. */
  String name();

  /** The routing keys (event types) this handler needs. */
  Set<String> eventTypes();

  Outcome handle(EventEnvelope event, Attempt attempt);
}
