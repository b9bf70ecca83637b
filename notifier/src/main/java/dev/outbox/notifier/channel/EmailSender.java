package dev.outbox.notifier.channel;

import dev.outbox.notifier.dispatch.DispatchResult;

/**
 * Hands one email to a provider. One call is exactly one request to the provider: implementations
 * never retry on their own (retries belong to the notifier's delivery state machine) and never
 * throw for a provider's answer or an I/O failure: they classify it as a {@link DispatchResult}.
 */
public interface EmailSender {

  /** The provider's name as the delivery log records it, e.g. {@code sendgrid}. */
  String provider();

  DispatchResult send(EmailMessage message);
}
