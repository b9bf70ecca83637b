package dev.outbox.relay.standby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outbox.config.process.Commands;
import dev.outbox.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LeaderElectionIT {

  static TestDatabase db;

  @BeforeAll
  static void database() {
    db = TestDatabase.create("election");
  }

  @AfterAll
  static void drop() {
    if (db != null) {
      db.close();
    }
  }

  /**
   * A term that fails with an unexpected exception gives the lock up and the relay competes again,
   * instead of ending the election's thread with the process still alive (RELIABILITY.md, finding
   * 5).
   */
  @Test
  void a_term_that_fails_unexpectedly_is_followed_by_another_term() throws Exception {
    String slot = TestDatabase.uniqueName("failing_term");
    SecondTermWaits term =
        new SecondTermWaits(
            () -> {
              throw new IllegalStateException("a failure no one expected");
            });
    LeaderElection election = new LeaderElection(new LeaderLock(db.settings(), slot), slot, term);
    election.start();

    await().atMost(Duration.ofSeconds(30)).until(() -> term.serving.getCount() == 0);
    boolean heldDuringSecondTerm;
    try (var c = db.connect()) {
      heldDuringSecondTerm = LeaderLock.isHeldByAnyone(c, slot);
    }
    election.close();

    assertThat(term.terms).hasValue(2);
    assertThat(heldDuringSecondTerm).isTrue();
  }

  /**
   * A term whose clean-up leaves the election's thread interrupted (the capture's close once
   * re-raised the relay's own stop as an interrupt) is followed by another term: the election ends
   * only when closed (found by the chaos suite: a relay neither active nor standby).
   */
  @Test
  void a_term_that_returns_interrupted_is_followed_by_another_term() throws Exception {
    String slot = TestDatabase.uniqueName("interrupted_term");
    SecondTermWaits term = new SecondTermWaits(() -> Thread.currentThread().interrupt());
    LeaderElection election = new LeaderElection(new LeaderLock(db.settings(), slot), slot, term);
    election.start();

    await().atMost(Duration.ofSeconds(30)).until(() -> term.serving.getCount() == 0);
    boolean running = election.isRunning();
    election.close();

    // The interrupt may also end the second term at once (its first wait); what matters is that
    // the election went on to serve a term and still ran.
    assertThat(term.terms.get()).isGreaterThanOrEqualTo(2);
    assertThat(running).isTrue();
  }

  /**
   * A lock whose server stops answering (here its backend is frozen with SIGSTOP, as a silent
   * partition would look to the relay) is reported lost after the lock's read timeout, instead of
   * the check waiting for the operating system's TCP timeout, and the relay's term ends.
   */
  @Test
  void a_lock_whose_server_stops_answering_is_reported_lost() throws Exception {
    String slot = TestDatabase.uniqueName("silent_server");
    try (LeaderLock lock = new LeaderLock(db.settings(), slot)) {
      assertThat(lock.acquire()).isTrue();
      long pid = lockBackend();
      signal(pid, "-STOP");
      try {
        CompletableFuture<Boolean> held = CompletableFuture.supplyAsync(lock::isHeld);
        await()
            .atMost(LeaderLock.DEAD_PEER.plusSeconds(30))
            .untilAsserted(() -> assertThat(held).isCompletedWithValue(false));
      } finally {
        signal(pid, "-CONT");
      }
    }
  }

  // The backend belongs to the server's user, postgres.
  private static void signal(long pid, String signal) {
    Commands.Result r =
        Commands.run(
            Duration.ofSeconds(10),
            Commands.asUser("postgres", Map.of(), List.of("kill", signal, Long.toString(pid))));
    assertThat(r.ok()).as(r.output()).isTrue();
  }

  private static long lockBackend() throws Exception {
    try (var c = db.connect();
        var s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT pid FROM pg_stat_activity WHERE application_name ="
                    + " 'outbox-relay leader lock' AND datname = current_database()")) {
      assertThat(rs.next()).as("the lock's session").isTrue();
      long pid = rs.getLong(1);
      assertThat(rs.next()).as("one lock session").isFalse();
      return pid;
    }
  }

  /** Ends its first term as {@code firstTerm} does; serves the next until stopped. */
  private static final class SecondTermWaits implements LeaderElection.Term {
    final AtomicInteger terms = new AtomicInteger();
    final CountDownLatch serving = new CountDownLatch(1);
    final CountDownLatch stopped = new CountDownLatch(1);
    private final Runnable firstTerm;

    SecondTermWaits(Runnable firstTerm) {
      this.firstTerm = firstTerm;
    }

    @Override
    public void serve(LeaderLock lock) throws InterruptedException {
      if (terms.incrementAndGet() == 1) {
        firstTerm.run();
        return;
      }
      serving.countDown();
      stopped.await();
    }

    @Override
    public void stop() {
      stopped.countDown();
    }
  }
}
