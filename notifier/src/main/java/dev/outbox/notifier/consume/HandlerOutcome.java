package dev.outbox.notifier.consume;

/** What a handler made of one event; the consumer maps it to ack, retry or dead letter. */
public sealed interface HandlerOutcome {

  /** Done (sent now, or nothing to do): acknowledge. */
  record Completed() implements HandlerOutcome {}

  /** Already done by an earlier delivery of the same event: acknowledge, send nothing. */
  record Duplicate() implements HandlerOutcome {}

  /** Another instance holds the delivery's lease: look again later, without using an attempt. */
  record Busy() implements HandlerOutcome {}

  /** A transient failure (rate limit, outage, timeout): try again after a delay. */
  record Retry(String reason) implements HandlerOutcome {}

  /** Will not succeed as it is: dead-letter with the reason, no retry. */
  record Failed(String reason, String handler) implements HandlerOutcome {}
}
