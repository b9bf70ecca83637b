package dev.outbox.api.error;

import dev.outbox.core.application.idempotency.IdempotencyKeyReused;
import dev.outbox.core.domain.DomainException;
import dev.outbox.core.domain.InvalidValue;
import dev.outbox.core.domain.order.CurrencyMismatch;
import dev.outbox.core.domain.order.IllegalOrderTransition;
import dev.outbox.core.domain.order.OrderNotFound;
import dev.outbox.core.domain.order.PaymentAmountMismatch;
import dev.outbox.core.domain.user.EmailAlreadyRegistered;
import dev.outbox.core.domain.user.InvalidVerificationToken;
import dev.outbox.core.domain.user.UserNotFound;
import dev.outbox.core.domain.user.VerificationTokenExpired;
import java.util.List;

/**
 * Core's business refusals as problems: unknown ids 404, duplicates and state conflicts 409, rule
 * violations of a well-formed request 422, a verification token that proves nothing 403. The detail
 * is core's message, which names ids and amounts the client sent and nothing else.
 */
final class DomainProblems {

  /** What a refusal becomes: its problem type and the fields it concerns. */
  record Mapped(ProblemType type, List<FieldError> errors) {}

  private DomainProblems() {}

  static Mapped map(DomainException e) {
    if (e instanceof InvalidValue invalid) {
      return new Mapped(
          ProblemType.INVALID_REQUEST, List.of(new FieldError(invalid.field(), invalid.reason())));
    }
    if (e instanceof UserNotFound || e instanceof OrderNotFound) {
      return new Mapped(ProblemType.RESOURCE_NOT_FOUND, List.of());
    }
    if (e instanceof EmailAlreadyRegistered) {
      return new Mapped(
          ProblemType.CONFLICT, List.of(new FieldError("email", "is already registered")));
    }
    if (e instanceof IllegalOrderTransition) {
      return new Mapped(ProblemType.CONFLICT, List.of());
    }
    if (e instanceof PaymentAmountMismatch mismatch) {
      return new Mapped(
          ProblemType.BUSINESS_RULE,
          List.of(
              new FieldError(
                  "amount",
                  "must equal the open balance of " + mismatch.balance().toDecimalString())));
    }
    if (e instanceof CurrencyMismatch) {
      return new Mapped(
          ProblemType.BUSINESS_RULE,
          List.of(new FieldError("currency", "must be the currency of the order")));
    }
    if (e instanceof InvalidVerificationToken) {
      return new Mapped(ProblemType.INVALID_VERIFICATION_TOKEN, List.of());
    }
    if (e instanceof VerificationTokenExpired) {
      return new Mapped(ProblemType.VERIFICATION_TOKEN_EXPIRED, List.of());
    }
    if (e instanceof IdempotencyKeyReused) {
      return new Mapped(ProblemType.IDEMPOTENCY_KEY_REUSED, List.of());
    }
    // A refusal added to core later is still the client's problem, never a 500.
    return new Mapped(ProblemType.BUSINESS_RULE, List.of());
  }
}
