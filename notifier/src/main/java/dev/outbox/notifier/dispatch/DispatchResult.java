package dev.outbox.notifier.dispatch;

import java.util.Objects;

/**
 * What a provider made of one send attempt. Senders return it instead of throwing, so every failure
 * is classified where the provider's answer is understood.
 */
public sealed interface DispatchResult {

  /**
   * Accepted by the provider, which gave {@code providerMessageId} (may be null if it gave none).
   */
  record Sent(String providerMessageId) implements DispatchResult {}

  /** Rate limit, 5xx, timeout or connection failure: the same request may succeed later. */
  record RetryableFailure(String reason) implements DispatchResult {
    public RetryableFailure {
      Objects.requireNonNull(reason, "reason is required");
    }
  }

  /** Bad recipient, unsubscribed number, bad credentials or sender: retrying cannot help. */
  record PermanentFailure(String reason) implements DispatchResult {
    public PermanentFailure {
      Objects.requireNonNull(reason, "reason is required");
    }
  }
}
