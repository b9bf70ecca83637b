package dev.outbox.notifier.store;

import java.util.Optional;
import java.util.UUID;

/**
 * The delivery log and its state machine, the notifier's idempotency record. Every method commits
 * on its own, so a claim is durable before the provider is called and an outcome is durable before
 * the message is acknowledged.
 *
 * <pre>
 * (none) -> PENDING -> SENDING (leased) -> SENT | RETRY_SCHEDULED | FAILED_PERMANENT | GAVE_UP
 * RETRY_SCHEDULED -> SENDING
 * SENDING, lease expired, a provider report recorded  -> SENT (CONFIRMED_BY_PROVIDER, not resent)
 * SENDING, lease expired longer than the reconciliation window ago, no report
 *                                                     -> SENDING (taken over: RESENT_WITHOUT_REPORT)
 * FAILED_PERMANENT | GAVE_UP -> SENDING only for a message redriven from the dead-letter queue
 * </pre>
 */
public interface Deliveries {

  /**
   * Takes ownership of the delivery of {@code delivery} for one lease, or says why not. Of two
   * concurrent claims of the same (event id, handler) at most one returns {@link Claim.Claimed}.
   */
  Claim claim(NewDelivery delivery, boolean redriven);

  /** Records the provider's acceptance; ignored (returns false) when the lease was lost. */
  boolean markSent(Claim.Claimed claim, String providerMessageId);

  /** Records a transient failure; the message will come back after a delay. */
  boolean markRetryScheduled(Claim.Claimed claim, String error);

  /** Records a failure that retrying cannot fix. */
  boolean markFailedPermanently(Claim.Claimed claim, String error);

  /** Records that the last allowed attempt failed transiently. */
  boolean markGaveUp(Claim.Claimed claim, String error);

  Optional<DeliveryRecord> find(UUID eventId, String handler);
}
