package dev.outbox.core.application;

import dev.outbox.core.application.idempotency.IdempotencyKeys;
import dev.outbox.core.application.idempotency.IdempotentRequests;
import dev.outbox.core.domain.order.OrderRepository;
import dev.outbox.core.domain.user.UserRepository;
import java.time.Clock;

/** Every use case of core, wired over the given ports; what the api's composition root needs. */
public record UseCases(
    RegisterUser registerUser,
    VerifyEmail verifyEmail,
    PlaceOrder placeOrder,
    RecordPayment recordPayment,
    GetUser getUser,
    GetOrder getOrder,
    IdempotentRequests idempotentRequests,
    EmailVerificationTokens verificationTokens) {

  public static UseCases wire(
      UserRepository users,
      OrderRepository orders,
      Transactions transactions,
      IdempotencyKeys idempotencyKeys,
      EmailVerificationTokens tokens,
      Clock clock) {
    return new UseCases(
        new RegisterUser(users, transactions, clock),
        new VerifyEmail(users, transactions, tokens, clock),
        new PlaceOrder(users, orders, transactions, clock),
        new RecordPayment(users, orders, transactions, clock),
        new GetUser(users, transactions),
        new GetOrder(orders, transactions),
        new IdempotentRequests(transactions, idempotencyKeys, clock),
        tokens);
  }
}
