package dev.outbox.relay;

import static dev.outbox.relay.support.SlotLossSteps.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Connection;
import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.config.AmqpConnections;
import dev.outbox.config.EventExchange;
import dev.outbox.config.Pools;
import dev.outbox.core.config.Migrations;
import dev.outbox.relay.config.RelayConfig;
import dev.outbox.relay.model.SlotLoss;
import dev.outbox.relay.status.RelayStatusQuery;
import dev.outbox.relay.support.ReceivedMessages;
import dev.outbox.relay.support.RelayEnvironment;
import dev.outbox.relay.support.SlotLossSteps;
import dev.outbox.testing.BrokerObjects;
import dev.outbox.testing.Rows;
import dev.outbox.testing.TestDatabase;
import dev.outbox.testing.TestServices;
import dev.outbox.testing.services.PrivatePostgres;
import dev.outbox.testing.services.ServiceDirectory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The relay's slot invalidated by the server: a private PostgreSQL with {@code
 * max_slot_wal_keep_size = 1MB}, WAL switched and checkpointed past it until the slot's {@code
 * wal_status} is {@code lost}, events written meanwhile (their WAL among what the server removed).
 * Whether the relay was stopped then or running (its walsender terminated by the server), it
 * replaces the slot by itself and delivers every event.
 */
class SlotInvalidationIT {

  static final String PUBLICATION = "outbox_publication";

  static ServiceDirectory dir;
  static PrivatePostgres pg;

  @BeforeAll
  static void startPostgres() {
    dir = ServiceDirectory.create("relay-slot-invalidation-it");
    pg =
        PrivatePostgres.create(dir)
            .withConfig("max_slot_wal_keep_size = 1MB", "wal_keep_size = 0")
            .start();
  }

  @AfterAll
  static void stopPostgres() {
    if (pg != null) {
      pg.close();
    }
    if (dir != null) {
      dir.close();
    }
  }

  @Test
  void a_slot_invalidated_while_the_relay_was_stopped_is_replaced_and_every_event_delivered()
      throws Exception {
    try (Setup it = new Setup("stopped", Map.of())) {
      SlotLossSteps.streamOnceAndStop(it.pool, it.config, it.received, "lost.before");

      List<UUID> meanwhile = it.invalidateTheSlotWriting("lost.happened");

      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      try (Relay relay = Relay.start(it.config, it.pool, registry)) {
        assertThat(relay.awaitStreaming(WAIT)).as(pg.log()).isTrue();
        RelayEnvironment.insert(it.pool, UUID.randomUUID().toString(), "lost.after", "{}");
        await("every event, those whose WAL the server removed included")
            .atMost(WAIT)
            .until(() -> it.received.distinct("lost.") == 1 + meanwhile.size() + 1);
        assertThat(registry.get("relay.slot.recoveries").counter().count()).isEqualTo(1.0);
      }
      it.assertDeliveredInOrderAndRecovered(meanwhile);
    }
  }

  @Test
  void a_slot_invalidated_under_a_running_relay_is_replaced_and_every_event_delivered()
      throws Exception {
    // Offsets are never committed while it runs, so the slot stays where the relay started and
    // the WAL written meanwhile invalidates it under the running engine.
    try (Setup it = new Setup("running", Map.of("CDC_OFFSET_FLUSH_INTERVAL", "1h"))) {
      SlotLossSteps.streamOnceAndStop(it.pool, it.defaults, it.received, "run.before");
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      try (Relay relay = Relay.start(it.config, it.pool, registry)) {
        assertThat(relay.awaitStreaming(WAIT)).as(pg.log()).isTrue();
        List<UUID> meanwhile = it.invalidateTheSlotWriting("run.happened");

        await("the relay recovers on a new slot")
            .atMost(WAIT)
            .until(() -> registry.get("relay.slot.recoveries").counter().count() == 1.0);
        RelayEnvironment.insert(it.pool, UUID.randomUUID().toString(), "run.after", "{}");
        await("every event, those whose WAL the server removed included")
            .atMost(WAIT)
            .until(() -> it.received.distinct("run.") == 1 + meanwhile.size() + 1);
        it.assertDeliveredInOrderAndRecovered(meanwhile);
      }
    }
  }

  /** One test's database, slot, exchange and queue (deleted again), and its relay's settings. */
  static final class Setup implements AutoCloseable {
    final String slot = TestDatabase.uniqueName("slot");
    final String exchange = TestDatabase.uniqueName("events");
    final BrokerObjects declared;
    final Connection amqp;
    final RelayConfig defaults;
    final RelayConfig config;
    final HikariDataSource pool;
    final Rows rows;
    final ReceivedMessages received;

    Setup(String name, Map<String, String> overrides) throws Exception {
      String queue = TestDatabase.uniqueName("q");
      declared = new BrokerObjects().eventExchange(exchange).queue(queue);
      pg.createDatabase(name);
      defaults = config(name, Map.of());
      config = config(name, overrides);
      amqp = AmqpConnections.parse(TestServices.amqpUri()).open("slot-it");
      EventExchange.declare(amqp, exchange);
      received = ReceivedMessages.bind(amqp, exchange, queue, "#");
      pool = Pools.create(config.database(), "slot-it", Relay.POOL_SIZE);
      Migrations.migrate(pool, PUBLICATION);
      rows = new Rows(pool);
      rows.execute("CREATE TABLE filler (padding TEXT)");
    }

    /**
     * Writes events (two per new aggregate, each round) and WAL until the server invalidated the
     * slot; returns the events.
     */
    List<UUID> invalidateTheSlotWriting(String type) {
      List<UUID> events = new ArrayList<>();
      await("the server invalidates the slot")
          .atMost(WAIT)
          .until(
              () -> {
                events.addAll(SlotLossSteps.insertEvents(pool, type, 2, 2));
                fillAndSwitchWal();
                return "lost".equals(SlotLossSteps.walStatus(pool, slot));
              });
      return events;
    }

    void assertDeliveredInOrderAndRecovered(List<UUID> meanwhile) throws Exception {
      assertThat(meanwhile).allSatisfy(id -> assertThat(received.byId(id)).isNotNull());
      String type = received.byId(meanwhile.get(0)).routingKey();
      assertThat(received.sequencesByAggregate(type))
          .allSatisfy((aggregate, seqs) -> assertThat(seqs).containsExactly(0, 1));
      assertThat(SlotLossSteps.walStatus(pool, slot)).isEqualTo("reserved");
      SlotLoss loss = new RelayStatusQuery(pool).lastSlotLoss(slot).orElseThrow();
      assertThat(loss.cause()).isEqualTo(SlotLoss.Cause.INVALIDATED);
      assertThat(loss.action()).isEqualTo(SlotLoss.Action.RECOVERED);
    }

    // Each switch starts a new segment; the checkpoint then removes the ones before its redo
    // point that max_slot_wal_keep_size does not keep, invalidating the slot that needed them.
    private void fillAndSwitchWal() {
      for (int i = 0; i < 3; i++) {
        rows.execute("INSERT INTO filler SELECT repeat('x', 1000) FROM generate_series(1, 200)");
        rows.execute("SELECT pg_switch_wal()");
      }
      rows.execute("CHECKPOINT");
    }

    private RelayConfig config(String database, Map<String, String> overrides) {
      Map<String, String> env = new HashMap<>();
      env.put("DATABASE_URL", pg.jdbcUrl("127.0.0.1", database));
      env.put("DATABASE_USER", "postgres");
      env.put("EVENT_BUS_URL", TestServices.amqpUri());
      env.put("EVENT_BUS_EXCHANGE", exchange);
      env.put("CDC_SLOT_NAME", slot);
      env.put("CDC_PUBLICATION", PUBLICATION);
      env.put("CDC_HEARTBEAT_INTERVAL", "500ms");
      env.putAll(overrides);
      return RelayEnvironment.config(env);
    }

    @Override
    public void close() throws Exception {
      received.stop();
      try {
        declared.delete(amqp);
      } finally {
        amqp.close();
        pool.close();
      }
    }
  }
}
