package dev.outbox.core.application.idempotency;

import dev.outbox.core.domain.DomainException;

/** The idempotency key was already used for a different request (another body or route). */
public final class IdempotencyKeyReused extends DomainException {

  private final String key;

  public IdempotencyKeyReused(String key) {
    super("Idempotency key " + key + " was already used for a different request");
    this.key = key;
  }

  public String key() {
    return key;
  }
}
