package dev.outbox.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outbox.core.application.EmailVerificationTokens;
import dev.outbox.core.application.RegisterUserCommand;
import dev.outbox.core.application.UseCases;
import dev.outbox.core.application.VerifyEmailCommand;
import dev.outbox.core.domain.user.Email;
import dev.outbox.core.domain.user.EmailAlreadyRegistered;
import dev.outbox.core.domain.user.PhoneNumber;
import dev.outbox.core.domain.user.User;
import dev.outbox.core.domain.user.UserId;
import dev.outbox.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class UserPersistenceIT {

  static final CoreDatabase db = CoreDatabase.create("core_users");
  static final Clock clock = Clock.systemUTC();
  static final EmailVerificationTokens tokens = new EmailVerificationTokens("it-secret", clock);
  static final UseCases useCases = db.persistence().useCases(tokens, clock);

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @Test
  void saving_a_user_writes_the_user_and_exactly_one_user_created_outbox_row() throws Exception {
    User user = useCases.registerUser().execute(new RegisterUserCommand("Ada@Example.com", null));

    assertThat(db.rows("select email, email_verified from users where id = ?", user.id().value()))
        .containsExactly(Map.of("email", "ada@example.com", "email_verified", false));
    List<Map<String, Object>> events =
        db.rows(
            "select id, aggregate_type, event_type, payload::text as payload, created_at,"
                + " published_at, retry_count from outbox_events where aggregate_id = ?",
            user.id().value());
    assertThat(events).hasSize(1);
    Map<String, Object> row = events.get(0);
    assertThat(row)
        .containsEntry("aggregate_type", "user")
        .containsEntry("event_type", "user.created")
        .containsEntry("published_at", null)
        .containsEntry("retry_count", 0);
    assertThat(row.get("created_at")).isNotNull();
    JsonNode payload = Json.mapper().readTree((String) row.get("payload"));
    assertThat(payload.get("email").asText()).isEqualTo("ada@example.com");
    assertThat(payload.get("user_id").asText()).isEqualTo(user.id().toString());
    assertThat(payload.get("phone").isNull()).isTrue();
    assertThat(user.pendingEvents()).isEmpty();
  }

  @Test
  void a_failure_after_the_aggregate_write_rolls_back_the_user_and_its_outbox_row() {
    User user =
        User.register(
            UserId.generate(),
            new Email("rollback@example.com"),
            new PhoneNumber("+4915112345678"),
            Instant.now());

    assertThatThrownBy(
            () ->
                db.persistence()
                    .transactions()
                    .inTransaction(
                        () -> {
                          db.persistence().users().save(user);
                          throw new IllegalStateException("crash after the write");
                        }))
        .hasMessage("crash after the write");

    assertThat(db.count("select count(*) from users where id = ?", user.id().value())).isZero();
    assertThat(
            db.count(
                "select count(*) from outbox_events where aggregate_id = ?", user.id().value()))
        .isZero();
  }

  @Test
  void two_concurrent_registrations_of_one_email_produce_one_user_and_one_event() throws Exception {
    String email = "race@example.com";
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<Future<User>> results = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      results.add(
          threads.submit(
              () -> {
                start.await(10, TimeUnit.SECONDS);
                return useCases.registerUser().execute(new RegisterUserCommand(email, null));
              }));
    }
    int registered = 0;
    int refused = 0;
    for (Future<User> result : results) {
      try {
        result.get(30, TimeUnit.SECONDS);
        registered++;
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(EmailAlreadyRegistered.class);
        refused++;
      }
    }
    threads.shutdown();

    assertThat(registered).isEqualTo(1);
    assertThat(refused).isEqualTo(1);
    assertThat(db.count("select count(*) from users where email = ?", email)).isEqualTo(1);
    assertThat(
            db.count(
                "select count(*) from outbox_events where event_type = 'user.created'"
                    + " and payload->>'email' = ?",
                email))
        .isEqualTo(1);
  }

  @Test
  void a_registration_that_loses_on_the_unique_index_is_refused_as_already_registered()
      throws Exception {
    Email email = new Email("index@example.com");
    CountDownLatch firstWrote = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    Future<?> first =
        threads.submit(
            () ->
                db.persistence()
                    .transactions()
                    .inTransaction(
                        () -> {
                          db.persistence()
                              .users()
                              .save(User.register(UserId.generate(), email, null, Instant.now()));
                          firstWrote.countDown();
                          await(releaseFirst);
                          return null;
                        }));
    assertThat(firstWrote.await(10, TimeUnit.SECONDS)).isTrue();
    // Both passed the existsByEmail check; the second INSERT waits on the first's index entry.
    Future<?> second =
        threads.submit(
            () ->
                db.persistence()
                    .transactions()
                    .inTransaction(
                        () -> {
                          db.persistence()
                              .users()
                              .save(User.register(UserId.generate(), email, null, Instant.now()));
                          return null;
                        }));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> db.sessionsWaitingForALock() == 1);
    releaseFirst.countDown();

    first.get(10, TimeUnit.SECONDS);
    assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(EmailAlreadyRegistered.class);
    threads.shutdown();
    assertThat(db.count("select count(*) from users where email = ?", email.value())).isEqualTo(1);
    assertThat(
            db.count(
                "select count(*) from outbox_events where payload->>'email' = ?", email.value()))
        .isEqualTo(1);
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void verifying_an_email_twice_writes_one_email_verified_event() {
    User user = useCases.registerUser().execute(new RegisterUserCommand("twice@example.com", null));
    String token = tokens.issue(user.id(), user.email(), clock.instant().plus(Duration.ofDays(1)));

    useCases.verifyEmail().execute(new VerifyEmailCommand(user.id(), token));
    User again = useCases.verifyEmail().execute(new VerifyEmailCommand(user.id(), token));

    assertThat(again.emailVerified()).isTrue();
    assertThat(useCases.getUser().execute(user.id()).emailVerified()).isTrue();
    assertThat(
            db.rows(
                "select event_type, payload->>'email' as email from outbox_events"
                    + " where aggregate_id = ? order by id",
                user.id().value()))
        .containsExactly(
            Map.of("event_type", "user.created", "email", "twice@example.com"),
            Map.of("event_type", "user.email_verified", "email", "twice@example.com"));
  }

  @Test
  void registering_a_taken_email_in_another_case_is_refused() {
    useCases.registerUser().execute(new RegisterUserCommand("taken@example.com", null));

    assertThatThrownBy(
            () ->
                useCases.registerUser().execute(new RegisterUserCommand("TAKEN@example.com", null)))
        .isInstanceOf(EmailAlreadyRegistered.class)
        .hasMessageContaining("taken@example.com");
  }
}
