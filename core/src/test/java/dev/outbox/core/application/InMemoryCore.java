package dev.outbox.core.application;

import dev.outbox.core.application.idempotency.InMemoryIdempotencyKeys;
import dev.outbox.core.domain.InMemoryOutbox;
import dev.outbox.core.domain.order.InMemoryOrderRepository;
import dev.outbox.core.domain.user.InMemoryUserRepository;
import dev.outbox.core.domain.user.UserId;
import dev.outbox.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;

/** Every use case over in-memory ports and a clock the test controls. */
public final class InMemoryCore {

  public static final String SECRET = "test-secret";

  public final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T04:20:00Z"));
  public final InMemoryOutbox outbox = new InMemoryOutbox();
  public final InMemoryUserRepository users = new InMemoryUserRepository(outbox);
  public final InMemoryOrderRepository orders = new InMemoryOrderRepository(outbox);
  public final InMemoryTransactions transactions = new InMemoryTransactions();
  public final InMemoryIdempotencyKeys idempotencyKeys = new InMemoryIdempotencyKeys(transactions);
  public final EmailVerificationTokens tokens = new EmailVerificationTokens(SECRET, clock);
  public final UseCases useCases =
      UseCases.wire(users, orders, transactions, idempotencyKeys, tokens, clock);

  /** A day from the clock's now: when the tokens of these tests expire. */
  public Instant tomorrow() {
    return clock.instant().plus(Duration.ofDays(1));
  }

  /** A verification token of the user's stored email that expires {@link #tomorrow()}. */
  public String tokenFor(UserId id) {
    return tokens.issue(id, users.get(id).email(), tomorrow());
  }
}
