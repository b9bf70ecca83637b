package dev.outbox.core.application.idempotency;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: the table of idempotency keys. Every method runs inside the caller's unit of work (the
 * Transactions port); {@link IdempotentRequests} is the only caller.
 */
public interface IdempotencyKeys {

  /** A key seen before: the fingerprint of its request and the response stored for it. */
  record StoredRequest(String fingerprint, StoredResponse response) {}

  /** Forgets {@code key} if it was claimed before {@code cutoff}, plus a few other expired keys. */
  void purgeExpired(String key, Instant cutoff);

  /**
   * Claims the key for this unit of work. Blocks while another unit holds a claim on the same key
   * and has not finished; returns false when the key already belongs to a committed request.
   */
  boolean claim(String key, String fingerprint, Instant now);

  /** Stores the response of the request that claimed {@code key} in this unit of work. */
  void store(String key, StoredResponse response);

  /** The committed request under {@code key}, if any. */
  Optional<StoredRequest> find(String key);
}
