package dev.outbox.relay.standby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Connection;
import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.config.AmqpConnections;
import dev.outbox.config.DatabaseSettings;
import dev.outbox.config.EventExchange;
import dev.outbox.config.Pools;
import dev.outbox.core.config.Migrations;
import dev.outbox.relay.Relay;
import dev.outbox.relay.support.ArrivalCheck;
import dev.outbox.relay.support.CommitOrder;
import dev.outbox.relay.support.ConcurrentWriters;
import dev.outbox.relay.support.ReceivedMessages;
import dev.outbox.relay.support.ReceivedMessages.Received;
import dev.outbox.relay.support.RelayEnvironment;
import dev.outbox.testing.BrokerObjects;
import dev.outbox.testing.TestDatabase;
import dev.outbox.testing.TestServices;
import dev.outbox.testing.services.PrivatePostgres;
import dev.outbox.testing.services.ServiceDirectory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two relays on one slot of a private PostgreSQL, rows committed without pause by concurrent
 * writers, and the active relay's database sessions ended from the server's side (pg_terminate_
 * backend) while its engine runs: its lock session, its replication connection, or both. Relay A
 * publishes to exchange A, relay B to exchange B, one test queue is bound to both: the exchange of
 * each arrival says which relay published it.
 *
 * <p>What is asserted: every committed row arrives, each aggregate's first arrivals in commit order
 * (an independent test_decoding slot gives the order); the two relays never publish at the same
 * time (in arrival order the publisher changes once per hand-over: once B's first message arrived,
 * none of A's does); what both published is a suffix of A's publications (the at-least-once window:
 * A's last events whose position was not yet confirmed to the slot); and the slot has one reader at
 * a time (when pg_replication_slots.active_pid names a new walsender, the old one is gone).
 */
class ActiveRelayCutOffIT {

  static final String PUBLICATION = "outbox_publication";
  static final Duration WAIT = Duration.ofSeconds(90);

  static ServiceDirectory dir;
  static PrivatePostgres pg;
  static HikariDataSource writes;
  static ServerSessions sessions;
  static Connection amqp;
  static final String exchangeA = TestDatabase.uniqueName("cut_a");
  static final String exchangeB = TestDatabase.uniqueName("cut_b");
  static final BrokerObjects declared =
      new BrokerObjects().eventExchange(exchangeA).eventExchange(exchangeB);

  @BeforeAll
  static void startServices() throws Exception {
    dir = ServiceDirectory.create("relay-cut-it");
    pg = PrivatePostgres.create(dir).start();
    pg.createDatabase("outbox");
    writes = Pools.create(database(), "cut-writes", 4);
    Migrations.migrate(writes, PUBLICATION);
    sessions = new ServerSessions(writes);
    amqp = AmqpConnections.parse(TestServices.amqpUri()).open("relay-cut-it");
    EventExchange.declare(amqp, exchangeA);
    EventExchange.declare(amqp, exchangeB);
  }

  @AfterAll
  static void stopServices() throws Exception {
    if (amqp != null) {
      declared.delete(amqp);
      amqp.close();
    }
    if (writes != null) {
      writes.close();
    }
    if (pg != null) {
      pg.close();
    }
    if (dir != null) {
      dir.close();
    }
  }

  @Test
  void when_the_active_relays_lock_session_is_cut_the_standby_takes_over_and_they_never_overlap()
      throws Exception {
    try (Pair relays = new Pair("lock")) {
      int before = relays.flowing();
      // The relay whose session was ended competes again at once, so it may win the lock back
      // (it stops and restarts its engine then); the session of whichever is active is cut
      // again, up to 10 times, until B has taken over. Each cut is checked the same way.
      int cuts = 0;
      while (!relays.b.isActive() && cuts < 10) {
        cuts++;
        long lockPid =
            await().atMost(WAIT).until(() -> sessions.lockHolder(relays.slot), p -> p != 0);
        int replicationPid = sessions.slotReader(relays.slot);
        sessions.terminate(lockPid);
        await(
                "a relay holding the lock on a new session and streaming on a new walsender after"
                    + " cut "
                    + cuts)
            .atMost(WAIT)
            .until(
                () -> {
                  long holder = sessions.lockHolder(relays.slot);
                  int reader = sessions.slotReader(relays.slot);
                  return holder != 0
                      && holder != lockPid
                      && reader != 0
                      && reader != replicationPid
                      && (relays.a.isActive() ^ relays.b.isActive());
                });
        assertThat(sessions.backendExists(replicationPid))
            .as("the walsender of the relay that lost its lock ended")
            .isFalse();
      }
      assertThat(relays.b.isActive()).as("B took over within 10 cuts").isTrue();
      assertThat(relays.a.isActive()).as("A stopped its engine").isFalse();
      await("events published by B")
          .atMost(WAIT)
          .until(() -> publishedBy(relays.received, exchangeB).size() >= 50);
      assertThat(relays.a.readiness().check().details()).containsEntry("role", "standby");

      List<Received> all = relays.finish();
      assertThat(HandOvers.publishers(all)).containsExactly(exchangeA, exchangeB);
      int both = HandOvers.assertDuplicatesAreTheFirstPublishersLast(all);
      System.out.printf(
          "ActiveRelayCutOffIT (lock cut): %d events before the cut, %d cut(s) until B took over,"
              + " %d events in all, %d published by both relays%n",
          before, cuts, relays.distinct(), both);

      // A stood by again: it takes over when B goes.
      relays.b.close();
      assertThat(relays.a.awaitStreaming(WAIT)).as("A active again after B closed").isTrue();
      UUID last = RelayEnvironment.insert(writes, UUID.randomUUID().toString(), "cut.last", "{}");
      await("A publishes again")
          .atMost(WAIT)
          .until(() -> publishedBy(relays.received, exchangeA).contains(last));
    }
  }

  @Test
  void when_the_active_relays_replication_connection_is_cut_it_restarts_and_stays_the_only_one()
      throws Exception {
    try (Pair relays = new Pair("stream")) {
      relays.flowing();
      int replicationPid = sessions.slotReader(relays.slot);
      sessions.terminate(replicationPid);

      await("A streams again on a new replication connection")
          .atMost(WAIT)
          .until(
              () ->
                  sessions.slotReader(relays.slot) != 0
                      && sessions.slotReader(relays.slot) != replicationPid);
      int more = relays.received.distinct() + 100;
      await("events after the cut").atMost(WAIT).until(() -> relays.received.distinct() >= more);
      assertThat(relays.a.isActive()).as("A still holds the lock").isTrue();
      assertThat(relays.b.isActive()).as("B still stands by").isFalse();

      relays.finish();
      assertThat(publishedBy(relays.received, exchangeB)).as("B published nothing").isEmpty();
    }
  }

  @Test
  void when_both_sessions_of_the_active_relay_are_cut_one_relay_goes_on_and_they_never_overlap()
      throws Exception {
    try (Pair relays = new Pair("both")) {
      relays.flowing();
      long lockPid = sessions.lockHolder(relays.slot);
      int replicationPid = sessions.slotReader(relays.slot);
      sessions.terminate(lockPid);
      sessions.terminate(replicationPid);

      await("a relay streams again on a new replication connection")
          .atMost(WAIT)
          .until(
              () ->
                  sessions.slotReader(relays.slot) != 0
                      && sessions.slotReader(relays.slot) != replicationPid);
      int more = relays.received.distinct() + 100;
      await("events after the cut").atMost(WAIT).until(() -> relays.received.distinct() >= more);
      assertThat(relays.a.isActive() ^ relays.b.isActive()).as("exactly one relay active").isTrue();

      List<Received> all = relays.finish();
      List<String> publishers = HandOvers.publishers(all);
      assertThat(publishers).as("A, then at most one hand-over").hasSizeLessThanOrEqualTo(2);
      assertThat(publishers.get(0)).isEqualTo(exchangeA);
      int both = HandOvers.assertDuplicatesAreTheFirstPublishersLast(all);
      System.out.printf(
          "ActiveRelayCutOffIT (both cut): %s active after the cut, %d published by both relays%n",
          relays.a.isActive() ? "A" : "B", both);
    }
  }

  /**
   * Relay A active and B standing by on a new slot, writers committing, a queue bound to both
   * exchanges and a test_decoding slot recording commit order; {@link #finish} checks delivery.
   */
  static final class Pair implements AutoCloseable {
    final String slot = TestDatabase.uniqueName("cut_slot");
    final ReceivedMessages received;
    final HikariDataSource poolA = Pools.create(database(), "relay-a", Relay.POOL_SIZE);
    final HikariDataSource poolB = Pools.create(database(), "relay-b", Relay.POOL_SIZE);
    final CommitOrder commits;
    final ConcurrentWriters writers;
    final Relay a;
    final Relay b;

    Pair(String type) throws Exception {
      String queue = TestDatabase.uniqueName("cut_q");
      declared.queue(queue);
      received = ReceivedMessages.bind(amqp, exchangeA, queue, "#").alsoBind(exchangeB, "#");
      a = Relay.start(config(slot, exchangeA), poolA, new SimpleMeterRegistry());
      assertThat(a.awaitStreaming(WAIT)).as(pg.log()).isTrue();
      b = Relay.start(config(slot, exchangeB), poolB, new SimpleMeterRegistry());
      await("B standing by")
          .atMost(WAIT)
          .until(() -> "standby".equals(b.readiness().check().details().get("role")));
      commits = CommitOrder.recordFromNow(writes, TestDatabase.uniqueName("cut_order"));
      writers = new ConcurrentWriters(writes, "cut." + type, 3, 6, 200).start();
    }

    /** Waits until 100 events arrived; how many did. */
    int flowing() {
      await("events flowing").atMost(WAIT).until(() -> received.distinct() >= 100);
      return received.distinct();
    }

    int distinct() {
      return received.distinct();
    }

    /** Stops the writers; every committed row arrives, first arrivals in commit order. */
    List<Received> finish() throws Exception {
      writers.stop();
      assertThat(writers.failed()).as("failed inserts").isZero();
      List<CommitOrder.Insert> committed = commits.inserts();
      await("every committed row delivered")
          .atMost(WAIT)
          .until(() -> received.distinct() >= committed.size());
      ArrivalCheck check =
          ArrivalCheck.of(committed, received.firstArrivals().stream().map(Received::id).toList());
      assertThat(check.lost()).as("lost").isEmpty();
      assertThat(check.outOfOrder()).as("out of commit order within an aggregate").isEmpty();
      assertThat(check.unknown()).as("arrivals never committed").isEmpty();
      return received.all();
    }

    @Override
    public void close() throws Exception {
      writers.stop();
      a.close();
      b.close();
      commits.close();
      received.stop();
      poolA.close();
      poolB.close();
    }
  }

  private static Set<UUID> publishedBy(ReceivedMessages received, String exchange) {
    Set<UUID> ids = new LinkedHashSet<>();
    received.all().stream()
        .filter(r -> r.exchange().equals(exchange))
        .forEach(r -> ids.add(r.id()));
    return ids;
  }

  private static DatabaseSettings database() {
    return new DatabaseSettings(pg.jdbcUrl("127.0.0.1", "outbox"), "postgres", "");
  }

  private static dev.outbox.relay.config.RelayConfig config(String slot, String exchange) {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", pg.jdbcUrl("127.0.0.1", "outbox"));
    env.put("DATABASE_USER", "postgres");
    env.put("EVENT_BUS_URL", TestServices.amqpUri());
    env.put("EVENT_BUS_EXCHANGE", exchange);
    env.put("CDC_SLOT_NAME", slot);
    env.put("CDC_PUBLICATION", PUBLICATION);
    env.put("CDC_HEARTBEAT_INTERVAL", "500ms");
    return RelayEnvironment.config(env);
  }
}
