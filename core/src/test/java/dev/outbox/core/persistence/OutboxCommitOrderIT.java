package dev.outbox.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * V5's commit_seq: within an aggregate, the order of commits, for any writer of outbox rows (plain
 * JDBC here, no row lock of the writer's own).
 */
class OutboxCommitOrderIT {

  static final CoreDatabase db = CoreDatabase.create("core_commit_order");

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @Test
  void a_second_writer_of_an_aggregate_waits_for_the_first_commit_and_is_numbered_after_it()
      throws Exception {
    UUID aggregate = UUID.randomUUID();
    ExecutorService threads = Executors.newSingleThreadExecutor();
    try (Connection first = db.connect();
        Connection second = db.connect()) {
      first.setAutoCommit(false);
      second.setAutoCommit(false);
      // The second transaction starts first: by created_at (its now()) it would come first.
      try (Statement s = second.createStatement()) {
        s.execute("SELECT now()");
      }
      UUID earlier = insert(first, aggregate, null);
      Future<UUID> later = threads.submit(() -> insert(second, aggregate, null));
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> db.sessionsWaitingForALock() == 1);
      first.commit();
      UUID laterId = later.get(10, TimeUnit.SECONDS);
      second.commit();

      assertThat(commitSeq(laterId)).isGreaterThan(commitSeq(earlier));
      assertThat(createdAt(laterId)).isLessThan(createdAt(earlier));
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void writers_of_different_aggregates_do_not_wait_for_each_other() throws Exception {
    try (Connection first = db.connect();
        Connection second = db.connect()) {
      first.setAutoCommit(false);
      insert(first, UUID.randomUUID(), null);
      try (Statement s = second.createStatement()) {
        // Waiting would fail the insert instead of hanging the test.
        s.execute("SET lock_timeout = '5s'");
      }

      UUID other = insert(second, UUID.randomUUID(), null);

      assertThat(commitSeq(other)).isPositive();
      first.rollback();
    }
  }

  @Test
  void rows_of_one_transaction_are_numbered_in_insert_order_and_a_supplied_number_is_replaced()
      throws SQLException {
    UUID aggregate = UUID.randomUUID();
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      UUID a = insert(c, aggregate, 1L);
      UUID b = insert(c, aggregate, 0L);
      c.commit();

      assertThat(commitSeq(b)).isGreaterThan(commitSeq(a));
      assertThat(commitSeq(a)).isNotEqualTo(1L);
    }
  }

  private static UUID insert(Connection c, UUID aggregate, Long commitSeq) throws SQLException {
    UUID id = UUID.randomUUID();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO outbox_events (id, aggregate_type, aggregate_id, event_type, payload,"
                + " commit_seq) VALUES (?, 'order', ?, 'order.placed', '{}', ?)")) {
      ps.setObject(1, id);
      ps.setObject(2, aggregate);
      ps.setObject(3, commitSeq);
      ps.executeUpdate();
    }
    return id;
  }

  private static long commitSeq(UUID id) {
    return db.count("select commit_seq from outbox_events where id = ?", id);
  }

  private static long createdAt(UUID id) {
    return db.count(
        "select (extract(epoch from created_at) * 1000000)::bigint from outbox_events where id = ?",
        id);
  }
}
