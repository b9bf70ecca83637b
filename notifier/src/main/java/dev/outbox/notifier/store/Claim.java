package dev.outbox.notifier.store;

/** The answer to {@link Deliveries#claim}. */
public sealed interface Claim {

  /** This caller owns the delivery until its lease ends; {@code attempt} fences its updates. */
  record Claimed(long id, int attempt) implements Claim {}

  /** An earlier delivery already reached the provider. */
  record AlreadySent(String providerMessageId) implements Claim {}

  /**
   * The delivery was left in SENDING by an instance that died, and a provider report shows the
   * provider accepted it: recorded as sent, not sent again.
   */
  record ConfirmedByProvider(String providerMessageId) implements Claim {}

  /**
   * Another caller holds a valid lease, or its lease expired so recently that a provider report of
   * its send may still arrive ({@code NOTIFIER_RECONCILE_WINDOW}).
   */
  record Busy() implements Claim {}

  /** The delivery failed for good earlier; only a redrive may try again. */
  record AlreadyFailed(String lastError) implements Claim {}
}
