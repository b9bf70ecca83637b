package dev.outbox.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outbox.json.Json;
import dev.outbox.relay.support.ArrivalCheck;
import dev.outbox.relay.support.ChildRelay;
import dev.outbox.relay.support.CommitOrder;
import dev.outbox.relay.support.ConcurrentWriters;
import dev.outbox.relay.support.ReceivedMessages;
import dev.outbox.relay.support.RelayEnvironment;
import dev.outbox.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first-start snapshot killed again and again while writers are busy: four writers commit
 * one-row transactions for a few aggregates while the relay (a child JVM) is SIGKILLed three times
 * during its first snapshot, then started for good. First arrivals are checked per aggregate
 * against the commit order a second logical slot (test_decoding) recorded from before the first
 * write.
 */
class SnapshotCrashOrderIT {

  static final int WRITERS = 4;
  static final int AGGREGATES = 6;
  static final int PER_SECOND = 300;
  static final int PROGRESS_BEFORE_KILL = 300;
  static final int KILLS = 3;

  static RelayEnvironment env;

  @BeforeAll
  static void environment() {
    env = new RelayEnvironment("snapcrash");
  }

  @AfterAll
  static void drop() {
    if (env != null) {
      env.close();
    }
  }

  @Test
  void a_relay_killed_during_its_first_snapshot_keeps_commit_order_per_aggregate()
      throws Exception {
    ReceivedMessages received = env.queue("snap.#");
    List<CommitOrder.Insert> commits;
    ConcurrentWriters writers;
    try (CommitOrder order =
        CommitOrder.recordFromNow(env.dataSource, TestDatabase.uniqueName("commits"))) {
      writers =
          new ConcurrentWriters(env, "snap.happened", WRITERS, AGGREGATES, PER_SECOND).start();
      await().atMost(Duration.ofSeconds(60)).until(() -> writers.written() >= 1_000);
      for (int kill = 1; kill <= KILLS; kill++) {
        Timestamp started = databaseNow();
        int before = received.distinct("snap.");
        try (ChildRelay relay = ChildRelay.start("relay-" + kill, relayEnv())) {
          // Killed once this relay has made some progress and stored an offset that says its
          // snapshot is still under way.
          await()
              .atMost(Duration.ofSeconds(90))
              .pollInterval(Duration.ofMillis(5))
              .until(
                  () ->
                      received.distinct("snap.") >= before + PROGRESS_BEFORE_KILL
                          && storedOffsetIsInFirstSnapshot(started));
          relay.kill();
        }
        System.out.printf(
            "killed relay %d during its first snapshot: %d written, %d distinct received%n",
            kill, writers.written(), received.distinct("snap."));
      }
      try (ChildRelay last = ChildRelay.start("relay-last", relayEnv())) {
        assertThat(last.awaitStreaming(90)).isTrue();
        int atStart = writers.written();
        await().atMost(Duration.ofSeconds(60)).until(() -> writers.written() >= atStart + 1_000);
        writers.stop();
        await()
            .atMost(Duration.ofSeconds(120))
            .until(
                () ->
                    received.distinct("snap.") >= writers.written()
                        && env.outbox.unpublished() == 0);
        assertThat(last.terminate()).as("exit code after SIGTERM").isIn(0, 143);
      }
      commits = order.inserts();
    }

    List<UUID> firstArrivals =
        received.firstArrivals().stream()
            .filter(r -> r.routingKey().startsWith("snap."))
            .map(ReceivedMessages.Received::id)
            .toList();
    ArrivalCheck check = ArrivalCheck.of(commits, firstArrivals);
    System.out.printf(
        "snapshot crash IT: %d events committed, %d kills during the first snapshot, %d first"
            + " arrivals out of their aggregate's commit order, %d lost, %d duplicates%n",
        commits.size(),
        KILLS,
        check.outOfOrder().size(),
        check.lost().size(),
        received.count("snap.") - firstArrivals.size());
    assertThat(writers.failed()).isZero();
    assertThat(commits).hasSize(writers.written());
    assertThat(check.unknown()).isEmpty();
    assertThat(check.lost()).isEmpty();
    assertThat(check.outOfOrder()).isEmpty();
  }

  private static Timestamp databaseNow() throws SQLException {
    try (Connection c = env.dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT clock_timestamp()");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getTimestamp(1);
    }
  }

  private static Map<String, String> relayEnv() {
    Map<String, String> variables = new HashMap<>(env.env());
    // Small batches and frequent offset commits: the snapshot lasts long enough to be killed in,
    // and the stored offset shows it is under way.
    variables.put("CDC_MAX_BATCH_SIZE", "10");
    variables.put("CDC_OFFSET_FLUSH_INTERVAL", "50ms");
    return variables;
  }

  // Debezium's own test (PostgresOffsetContext.Loader): an initial snapshot is under way while the
  // stored offset has "snapshot" and neither last_snapshot_record nor snapshot_completed.
  // Only an offset this relay stored (after it started) counts.
  private static boolean storedOffsetIsInFirstSnapshot(Timestamp since) {
    try (Connection c = env.dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT offset_value FROM relay_offsets WHERE offset_key LIKE ?"
                    + " AND updated_at > ?")) {
      ps.setString(1, "[\"" + env.slot + "\"%");
      ps.setTimestamp(2, since);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return false;
        }
        JsonNode offset = Json.mapper().readTree(rs.getString(1));
        return offset.has("snapshot")
            && !offset.path("last_snapshot_record").asBoolean(false)
            && !offset.path("snapshot_completed").asBoolean(false);
      }
    } catch (Exception e) {
      return false; // the relay has not created its tables yet
    }
  }
}
