package dev.outbox.notifier.channel;

import dev.outbox.notifier.event.Outcome;

/**
 * Hands one email to a provider. One call is exactly one request to the provider: implementations
 * never retry on their own (retries belong to the notifier's delivery state machine) and never
 * throw for a provider's answer or an I/O failure: they classify it where the answer is understood,
 * as {@link Outcome.Sent} (with the provider's message id), {@link Outcome.RetryLater} (rate limit,
 * 5xx, timeout, connection failure: the same request may succeed later) or {@link
 * Outcome.DeadLetter} (bad recipient, unsubscribed number, bad credentials or sender: retrying
 * cannot help), each without a handler.
 */
public interface EmailSender {

  /** The provider's name as the delivery log records it, e.g. {@code sendgrid}. */
  String provider();

  Outcome send(EmailMessage message);
}
