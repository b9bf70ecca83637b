package dev.outbox.core.application.idempotency;

import dev.outbox.core.application.Transactions;
import dev.outbox.core.domain.InvalidValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Runs a request at most once per idempotency key (within {@link #RETENTION}) and replays its
 * response for retries. Claim, work and stored response share ONE transaction: the use case run by
 * {@code work} joins it, so either the change, its outbox rows and the stored response all commit,
 * or none does. A concurrent request with the same key waits on the key's unique index until the
 * first commits, then gets the stored response.
 */
public final class IdempotentRequests {

  public static final Duration RETENTION = Duration.ofHours(24);
  public static final int MAX_KEY_LENGTH = 255;

  private final Transactions transactions;
  private final IdempotencyKeys keys;
  private final Clock clock;

  public IdempotentRequests(Transactions transactions, IdempotencyKeys keys, Clock clock) {
    this.transactions = transactions;
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * Runs {@code work} unless {@code key} was used before.
   *
   * @param fingerprint identifies the request, at most 255 characters (e.g. a SHA-256 hex of
   *     method, path and body)
   * @return the response of {@code work}, or the one stored for the earlier request with this key
   * @throws IdempotencyKeyReused when the key was used for a request with another fingerprint
   * @throws InvalidValue when the key is blank or longer than {@value #MAX_KEY_LENGTH}
   * @throws RuntimeException whatever {@code work} throws; then nothing is stored
   */
  public StoredResponse execute(String key, String fingerprint, Supplier<StoredResponse> work) {
    if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw new InvalidValue("idempotency_key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
    }
    if (fingerprint == null || fingerprint.isEmpty() || fingerprint.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException("fingerprint must be 1 to 255 characters, e.g. a hash");
    }
    return transactions.inTransaction(
        () -> {
          Instant now = clock.instant();
          keys.purgeExpired(key, now.minus(RETENTION));
          if (keys.claim(key, fingerprint, now)) {
            StoredResponse response = work.get();
            keys.store(key, response);
            return response;
          }
          IdempotencyKeys.StoredRequest earlier =
              keys.find(key)
                  .orElseThrow(() -> new IllegalStateException("key " + key + " vanished"));
          if (!earlier.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReused(key);
          }
          return earlier.response();
        });
  }
}
