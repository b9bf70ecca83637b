package dev.outbox.notifier.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.notifier.NotifierMigrations;
import dev.outbox.notifier.store.NewDelivery.Channel;
import dev.outbox.testing.MutableClock;
import dev.outbox.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class JdbcDeliveriesIT {

  private static final Duration LEASE = Duration.ofSeconds(60);
  private static final TestDatabase db = TestDatabase.create("deliveries");
  private static final HikariDataSource pool = db.pool("deliveries-it", 8);
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T04:00:00Z"));
  private static final JdbcDeliveries deliveries;

  static {
    NotifierMigrations.migrate(pool);
    deliveries = new JdbcDeliveries(pool, clock, LEASE, Duration.ZERO);
  }

  @AfterAll
  static void dropDatabase() {
    pool.close();
    db.close();
  }

  private static NewDelivery welcome(UUID eventId) {
    return new NewDelivery(
        eventId,
        "welcome_email",
        "user.created",
        Channel.EMAIL,
        "ada@example.com",
        "welcome_email",
        "sendgrid");
  }

  @Test
  void migrations_are_idempotent_and_keep_their_own_history() {
    assertThat(NotifierMigrations.migrate(pool).migrationsExecuted).isZero();
  }

  @Test
  void the_first_claim_owns_the_delivery_and_a_second_one_finds_it_busy() {
    UUID eventId = UUID.randomUUID();

    Claim first = deliveries.claim(welcome(eventId), false);
    Claim second = deliveries.claim(welcome(eventId), false);

    assertThat(first).isInstanceOf(Claim.Claimed.class);
    assertThat(second).isInstanceOf(Claim.Busy.class);
    DeliveryRecord row = deliveries.find(eventId, "welcome_email").orElseThrow();
    assertThat(row.state()).isEqualTo(DeliveryState.SENDING);
    assertThat(row.attempts()).isEqualTo(1);
    assertThat(row.leaseUntil()).isEqualTo(clock.instant().plus(LEASE));
  }

  @Test
  void a_sent_delivery_is_never_claimed_again() {
    UUID eventId = UUID.randomUUID();
    Claim.Claimed claimed = (Claim.Claimed) deliveries.claim(welcome(eventId), false);

    assertThat(deliveries.markSent(claimed, "sg-1")).isTrue();

    assertThat(deliveries.claim(welcome(eventId), false)).isEqualTo(new Claim.AlreadySent("sg-1"));
    assertThat(deliveries.claim(welcome(eventId), true)).isEqualTo(new Claim.AlreadySent("sg-1"));
    DeliveryRecord row = deliveries.find(eventId, "welcome_email").orElseThrow();
    assertThat(row.state()).isEqualTo(DeliveryState.SENT);
    assertThat(row.providerMessageId()).isEqualTo("sg-1");
    assertThat(row.leaseUntil()).isNull();
  }

  @Test
  void an_expired_lease_can_be_taken_over_and_fences_the_old_owner() {
    UUID eventId = UUID.randomUUID();
    Claim.Claimed crashed = (Claim.Claimed) deliveries.claim(welcome(eventId), false);

    clock.advance(LEASE.plusSeconds(1));
    Claim takeover = deliveries.claim(welcome(eventId), false);

    assertThat(takeover).isInstanceOf(Claim.Claimed.class);
    assertThat(((Claim.Claimed) takeover).attempt()).isEqualTo(2);
    assertThat(deliveries.markSent(crashed, "late")).isFalse();
    assertThat(deliveries.markSent((Claim.Claimed) takeover, "sg-2")).isTrue();
    assertThat(deliveries.find(eventId, "welcome_email").orElseThrow().providerMessageId())
        .isEqualTo("sg-2");
  }

  @Test
  void a_retry_scheduled_delivery_is_claimed_again_by_the_next_attempt() {
    UUID eventId = UUID.randomUUID();
    Claim.Claimed first = (Claim.Claimed) deliveries.claim(welcome(eventId), false);
    deliveries.markRetryScheduled(first, "SendGrid answered 503");

    Claim second = deliveries.claim(welcome(eventId), false);

    assertThat(second).isEqualTo(new Claim.Claimed(first.id(), 2));
  }

  @Test
  void a_failed_delivery_is_reported_failed_unless_redriven() {
    UUID eventId = UUID.randomUUID();
    Claim.Claimed first = (Claim.Claimed) deliveries.claim(welcome(eventId), false);
    deliveries.markFailedPermanently(first, "SendGrid answered 400");

    assertThat(deliveries.claim(welcome(eventId), false))
        .isEqualTo(new Claim.AlreadyFailed("SendGrid answered 400"));
    assertThat(deliveries.claim(welcome(eventId), true)).isInstanceOf(Claim.Claimed.class);
  }

  @Test
  void of_many_concurrent_claims_exactly_one_wins() throws Exception {
    UUID eventId = UUID.randomUUID();
    int contenders = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(contenders);
    try {
      List<Future<Claim>> claims = new ArrayList<>();
      for (int i = 0; i < contenders; i++) {
        Callable<Claim> claim =
            () -> {
              start.await();
              return deliveries.claim(welcome(eventId), false);
            };
        claims.add(threads.submit(claim));
      }
      start.countDown();
      List<Claim> results = new ArrayList<>();
      for (Future<Claim> claim : claims) {
        results.add(claim.get(10, TimeUnit.SECONDS));
      }

      assertThat(results).filteredOn(Claim.Claimed.class::isInstance).hasSize(1);
      assertThat(results).filteredOn(Claim.Busy.class::isInstance).hasSize(contenders - 1);
    } finally {
      threads.shutdownNow();
    }
  }
}
