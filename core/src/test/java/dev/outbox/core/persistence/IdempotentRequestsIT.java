package dev.outbox.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.core.application.EmailVerificationTokens;
import dev.outbox.core.application.RegisterUserCommand;
import dev.outbox.core.application.UseCases;
import dev.outbox.core.application.idempotency.IdempotencyKeyReused;
import dev.outbox.core.application.idempotency.IdempotentRequests;
import dev.outbox.core.application.idempotency.StoredResponse;
import dev.outbox.core.domain.user.EmailAlreadyRegistered;
import dev.outbox.core.domain.user.User;
import dev.outbox.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class IdempotentRequestsIT {

  static final CoreDatabase db = CoreDatabase.create("core_idempotency");
  static final Clock clock = Clock.systemUTC();
  static final UseCases useCases =
      db.persistence().useCases(new EmailVerificationTokens("it-secret", clock), clock);
  static final IdempotentRequests requests = useCases.idempotentRequests();

  final AtomicInteger runs = new AtomicInteger();

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  /** The api's use of it: register a user, answer 201 with its id. */
  Supplier<StoredResponse> register(String email) {
    return () -> {
      runs.incrementAndGet();
      User user = useCases.registerUser().execute(new RegisterUserCommand(email, null));
      return new StoredResponse(201, "{\"id\":\"" + user.id() + "\"}");
    };
  }

  long users(String email) {
    return db.count("select count(*) from users where email = ?", email);
  }

  @Test
  void the_same_key_twice_runs_the_work_once_and_replays_the_response() {
    StoredResponse first = requests.execute("same-key", "fp", register("once@example.com"));
    StoredResponse second = requests.execute("same-key", "fp", register("once@example.com"));

    assertThat(second).isEqualTo(first);
    assertThat(runs).hasValue(1);
    assertThat(users("once@example.com")).isEqualTo(1);
    assertThat(
            db.rows(
                "select response_status, response_body from idempotency_keys"
                    + " where idempotency_key = 'same-key'"))
        .singleElement()
        .satisfies(row -> assertThat(row).containsEntry("response_status", 201));
  }

  @Test
  void the_same_key_with_another_body_is_refused_as_reused() {
    requests.execute("reused-key", "fp-a", register("first@example.com"));

    assertThatThrownBy(() -> requests.execute("reused-key", "fp-b", register("second@example.com")))
        .isInstanceOf(IdempotencyKeyReused.class)
        .hasMessageContaining("reused-key");
    assertThat(users("second@example.com")).isZero();
  }

  @Test
  void a_failing_request_stores_nothing_and_rolls_back_its_writes() {
    requests.execute("taken-1", "fp", register("taken@example.com"));

    assertThatThrownBy(() -> requests.execute("taken-2", "fp", register("taken@example.com")))
        .isInstanceOf(EmailAlreadyRegistered.class);
    assertThatThrownBy(
            () ->
                requests.execute(
                    "crash",
                    "fp",
                    () -> {
                      register("crash@example.com").get();
                      throw new IllegalStateException("crash after the write");
                    }))
        .hasMessage("crash after the write");

    assertThat(
            db.count(
                "select count(*) from idempotency_keys where idempotency_key in"
                    + " ('taken-2', 'crash')"))
        .isZero();
    assertThat(users("crash@example.com")).isZero();
    assertThat(requests.execute("crash", "fp", register("crash@example.com")).status())
        .isEqualTo(201);
  }

  @Test
  void the_same_key_from_two_threads_at_once_runs_the_work_once() throws Exception {
    CountDownLatch firstIsWorking = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    Supplier<StoredResponse> slowWork =
        () -> {
          firstIsWorking.countDown();
          awaitOrFail(releaseFirst);
          return register("concurrent@example.com").get();
        };
    ExecutorService threads = Executors.newFixedThreadPool(2);
    Future<StoredResponse> first =
        threads.submit(() -> requests.execute("concurrent-key", "fp", slowWork));
    assertThat(firstIsWorking.await(10, TimeUnit.SECONDS)).isTrue();
    Future<StoredResponse> second =
        threads.submit(
            () -> requests.execute("concurrent-key", "fp", register("concurrent@example.com")));
    // The second request is parked on the key's index entry until the first commits.
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> db.sessionsWaitingForALock() == 1);
    releaseFirst.countDown();

    StoredResponse firstResponse = first.get(10, TimeUnit.SECONDS);
    StoredResponse secondResponse = second.get(10, TimeUnit.SECONDS);
    threads.shutdown();

    assertThat(secondResponse).isEqualTo(firstResponse);
    assertThat(runs).hasValue(1);
    assertThat(users("concurrent@example.com")).isEqualTo(1);
  }

  @Test
  void a_key_older_than_24_hours_counts_as_absent_and_is_purged() {
    MutableClock time = new MutableClock(Instant.now());
    IdempotentRequests timed =
        new IdempotentRequests(
            db.persistence().transactions(), db.persistence().idempotencyKeys(), time);
    timed.execute("old-key", "fp-a", register("old-1@example.com"));
    timed.execute("stale-other-key", "fp", register("old-2@example.com"));
    time.advance(Duration.ofHours(24).plusSeconds(1));

    StoredResponse again = timed.execute("old-key", "fp-b", register("old-3@example.com"));

    assertThat(again.status()).isEqualTo(201);
    assertThat(runs).hasValue(3);
    assertThat(
            db.count(
                "select count(*) from idempotency_keys where idempotency_key ="
                    + " 'stale-other-key'"))
        .isZero();
  }

  private static void awaitOrFail(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
