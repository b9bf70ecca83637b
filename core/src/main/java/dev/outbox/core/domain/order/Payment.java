package dev.outbox.core.domain.order;

import dev.outbox.core.domain.InvalidValue;
import java.time.Instant;
import java.util.Objects;

/** Money received against an order, with the payer's reference (e.g. a bank transfer id). */
public record Payment(PaymentId id, Money amount, String reference, Instant receivedAt) {

  public static final int MAX_REFERENCE_LENGTH = 255;

  /**
   * @throws InvalidValue when the amount is zero or the reference blank or too long
   */
  public Payment {
    Objects.requireNonNull(id, "id is required");
    Objects.requireNonNull(amount, "amount is required");
    Objects.requireNonNull(receivedAt, "receivedAt is required");
    if (amount.isZero()) {
      throw new InvalidValue("amount", "must be positive");
    }
    if (reference == null || reference.isBlank()) {
      throw new InvalidValue("reference", "is required");
    }
    reference = reference.strip();
    if (reference.length() > MAX_REFERENCE_LENGTH) {
      throw new InvalidValue(
          "reference", "must be at most " + MAX_REFERENCE_LENGTH + " characters");
    }
  }
}
