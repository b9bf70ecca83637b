package dev.outbox.notifier.store;

/** The answer to {@link Deliveries#claim}. */
public sealed interface Claim {

  /** This caller owns the delivery until its lease ends; {@code attempt} fences its updates. */
  record Claimed(long id, int attempt) implements Claim {}

  /** An earlier delivery already reached the provider. */
  record AlreadySent(String providerMessageId) implements Claim {}

  /** Another caller holds a valid lease. */
  record Busy() implements Claim {}

  /** The delivery failed for good earlier; only a redrive may try again. */
  record AlreadyFailed(String lastError) implements Claim {}
}
