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
import org.junit.jupiter.api.Test;

/**
 * The relay's slot invalidated by the server while the relay was stopped: a private PostgreSQL with
 * {@code max_slot_wal_keep_size = 1MB}, WAL switched and checkpointed past it until the slot's
 * {@code wal_status} is {@code lost}, events written meanwhile (their WAL among what the server
 * removed). The relay started again replaces the slot by itself and delivers every event.
 */
class SlotInvalidationIT {

  static final String PUBLICATION = "outbox_publication";
  static final String SLOT = "invalidated_slot";

  @Test
  void a_slot_invalidated_while_the_relay_was_stopped_is_replaced_and_every_event_delivered()
      throws Exception {
    String exchange = TestDatabase.uniqueName("events");
    String queue = TestDatabase.uniqueName("q");
    BrokerObjects declared = new BrokerObjects().eventExchange(exchange).queue(queue);
    try (ServiceDirectory dir = ServiceDirectory.create("relay-slot-invalidation-it");
        PrivatePostgres pg =
            PrivatePostgres.create(dir)
                .withConfig("max_slot_wal_keep_size = 1MB", "wal_keep_size = 0")
                .start();
        Connection amqp = AmqpConnections.parse(TestServices.amqpUri()).open("slot-it")) {
      pg.createDatabase("outbox");
      RelayConfig config = config(pg, exchange);
      EventExchange.declare(amqp, exchange);
      ReceivedMessages received = ReceivedMessages.bind(amqp, exchange, queue, "#");
      try (HikariDataSource pool = Pools.create(config.database(), "slot-it", Relay.POOL_SIZE)) {
        Migrations.migrate(pool, PUBLICATION);
        SlotLossSteps.streamOnceAndStop(pool, config, received, "lost.before");

        List<UUID> meanwhile = new ArrayList<>();
        Rows rows = new Rows(pool);
        rows.execute("CREATE TABLE filler (padding TEXT)");
        await("the server invalidates the slot")
            .atMost(WAIT)
            .until(
                () -> {
                  meanwhile.addAll(SlotLossSteps.insertEvents(pool, "lost.happened", 2, 2));
                  fillAndSwitchWal(rows);
                  return "lost".equals(SlotLossSteps.walStatus(pool, SLOT));
                });

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Relay relay = Relay.start(config, pool, registry)) {
          assertThat(relay.awaitStreaming(WAIT)).as(pg.log()).isTrue();
          RelayEnvironment.insert(pool, UUID.randomUUID().toString(), "lost.after", "{}");
          await("every event, those whose WAL the server removed included")
              .atMost(WAIT)
              .until(() -> received.distinct("lost.") == 1 + meanwhile.size() + 1);
          assertThat(registry.get("relay.slot.recoveries").counter().count()).isEqualTo(1.0);
        }
        assertThat(meanwhile).allSatisfy(id -> assertThat(received.byId(id)).isNotNull());
        assertThat(received.sequencesByAggregate("lost.happened"))
            .allSatisfy((aggregate, seqs) -> assertThat(seqs).containsExactly(0, 1));
        assertThat(SlotLossSteps.walStatus(pool, SLOT)).isEqualTo("reserved");
        SlotLoss loss = new RelayStatusQuery(pool).lastSlotLoss(SLOT).orElseThrow();
        assertThat(loss.cause()).isEqualTo(SlotLoss.Cause.INVALIDATED);
        assertThat(loss.action()).isEqualTo(SlotLoss.Action.RECOVERED);
        assertThat(loss.unpublished()).isEqualTo(meanwhile.size());
      } finally {
        received.stop();
        declared.delete(amqp);
      }
    }
  }

  // Each switch starts a new segment; the checkpoint then removes the ones before its redo point
  // that max_slot_wal_keep_size does not keep, invalidating the slot that still needed them.
  private static void fillAndSwitchWal(Rows rows) {
    for (int i = 0; i < 3; i++) {
      rows.execute("INSERT INTO filler SELECT repeat('x', 1000) FROM generate_series(1, 200)");
      rows.execute("SELECT pg_switch_wal()");
    }
    rows.execute("CHECKPOINT");
  }

  private static RelayConfig config(PrivatePostgres pg, String exchange) {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", pg.jdbcUrl("127.0.0.1", "outbox"));
    env.put("DATABASE_USER", "postgres");
    env.put("EVENT_BUS_URL", TestServices.amqpUri());
    env.put("EVENT_BUS_EXCHANGE", exchange);
    env.put("CDC_SLOT_NAME", SLOT);
    env.put("CDC_PUBLICATION", PUBLICATION);
    env.put("CDC_HEARTBEAT_INTERVAL", "500ms");
    return RelayEnvironment.config(env);
  }
}
