package dev.outbox.notifier.channel;

import dev.outbox.notifier.event.Outcome;

/** Hands one SMS to a provider; the same contract as {@link EmailSender}. */
public interface SmsSender {

  /** The provider's name as the delivery log records it, e.g. {@code twilio}. */
  String provider();

  Outcome send(SmsMessage message);
}
