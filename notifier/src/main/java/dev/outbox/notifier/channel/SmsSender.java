package dev.outbox.notifier.channel;

import dev.outbox.notifier.dispatch.DispatchResult;

/** Hands one SMS to a provider; the same contract as {@link EmailSender}. */
public interface SmsSender {

  /** The provider's name as the delivery log records it, e.g. {@code twilio}. */
  String provider();

  DispatchResult send(SmsMessage message);
}
