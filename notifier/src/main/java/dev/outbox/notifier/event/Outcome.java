package dev.outbox.notifier.event;

import java.util.Objects;

/**
 * What became of an event, or of one notification of it: the one answer that travels from the
 * provider adapter through the handler to the consumer, which turns it into an acknowledgement, a
 * delayed retry or a dead letter.
 *
 * <ul>
 *   <li>An {@code EmailSender} or {@code SmsSender} answers {@link Sent}, {@link RetryLater} or
 *       {@link DeadLetter}, without a handler: it knows the provider, not the notification.
 *   <li>An {@link EventHandler} answers for the whole event: {@link Completed}, {@link Duplicate},
 *       {@link Busy}, {@link RetryLater} or {@link DeadLetter}, naming the handler (for the
 *       notifications: the rules) that failed. It produces a {@code RetryLater} only through {@link
 *       Attempt#retryLater}, the one place where the attempt limit turns a retry into a dead
 *       letter.
 * </ul>
 */
public sealed interface Outcome {

  /** The provider accepted the message and gave {@code providerMessageId} (null if none). */
  record Sent(String providerMessageId) implements Outcome {}

  /** Everything the event asked for is done now: acknowledge. */
  record Completed() implements Outcome {}

  /** An earlier delivery of the same event already did all of it: acknowledge, send nothing. */
  record Duplicate() implements Outcome {}

  /** Another instance holds the delivery's lease: look again later, without using an attempt. */
  record Busy() implements Outcome {}

  /**
   * A transient failure (rate limit, outage, timeout): the next attempt comes after a delay.
   *
   * @param handler what failed (a notification rule or a handler), null from a sender
   */
  record RetryLater(String reason, String handler) implements Outcome {
    public RetryLater {
      Objects.requireNonNull(reason, "reason is required");
    }

    /** A sender's answer: the dispatcher names the notification. */
    public RetryLater(String reason) {
      this(reason, null);
    }
  }

  /**
   * Will not succeed as it is (bad recipient, bad credentials, broken template, malformed event, or
   * the last attempt failed): dead-letter with the reason, no retry.
   *
   * @param handler what failed, as the dead letter's {@code handler} header names it; null from a
   *     sender
   */
  record DeadLetter(String reason, String handler) implements Outcome {
    public DeadLetter {
      Objects.requireNonNull(reason, "reason is required");
    }

    /** A sender's answer: the dispatcher names the notification. */
    public DeadLetter(String reason) {
      this(reason, null);
    }
  }
}
