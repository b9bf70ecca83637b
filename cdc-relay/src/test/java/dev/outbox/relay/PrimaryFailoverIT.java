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
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A private PostgreSQL primary with a streaming standby (pg_basebackup), named in one multi-host
 * DATABASE_URL with the standby first and {@code targetServerType=primary}: the relay streams from
 * the primary. Then the primary stops (a fast shutdown, which hands the standby all its WAL first)
 * and the standby is promoted: the relay follows to it, finds no slot there (PostgreSQL 15 has no
 * failover slots), recovers on a new one and delivers every event, those written on the new primary
 * included.
 */
class PrimaryFailoverIT {

  static final String PUBLICATION = "outbox_publication";

  @Test
  void the_relay_streams_from_the_primary_and_follows_the_promoted_standby_losing_nothing()
      throws Exception {
    String slot = TestDatabase.uniqueName("slot");
    String exchange = TestDatabase.uniqueName("events");
    String queue = TestDatabase.uniqueName("q");
    BrokerObjects declared = new BrokerObjects().eventExchange(exchange).queue(queue);
    try (ServiceDirectory dir = ServiceDirectory.create("relay-failover-it");
        PrivatePostgres primary = PrivatePostgres.create(dir).start();
        Connection amqp = AmqpConnections.parse(TestServices.amqpUri()).open("failover-it")) {
      primary.createDatabase("outbox");
      try (PrivatePostgres standby = PrivatePostgres.standbyOf(dir, primary).start()) {
        RelayConfig config = config(standby, primary, exchange, slot);
        EventExchange.declare(amqp, exchange);
        ReceivedMessages received = ReceivedMessages.bind(amqp, exchange, queue, "#");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (HikariDataSource pool = Pools.create(config.database(), "failover", Relay.POOL_SIZE);
            Relay relay = start(config, pool, registry)) {
          List<UUID> events = new ArrayList<>(SlotLossSteps.insertEvents(pool, "fo.before", 2, 3));
          await("the events before the failover")
              .atMost(WAIT)
              .until(() -> received.distinct("fo.") == events.size());
          assertThat(slots(primary)).containsExactly(slot);
          assertThat(slots(standby)).isEmpty();
          // The failover this test is about finds the relay's stored position on the standby
          // without its slot. Before the first offset flush has replicated, the standby holds no
          // position, and the relay takes the first-start path instead (also losing nothing).
          await("the relay's stored position replicated to the standby")
              .atMost(WAIT)
              .until(() -> storedOffsets(standby) > 0);

          events.addAll(SlotLossSteps.insertEvents(pool, "fo.during", 4, 3));
          primary.close();
          standby.promote();

          await("the relay recovers on the promoted standby")
              .atMost(WAIT)
              .until(() -> registry.get("relay.slot.recoveries").counter().count() == 1.0);
          events.addAll(SlotLossSteps.insertEvents(pool, "fo.after", 2, 3));
          await("every event, before, during and after the failover")
              .atMost(WAIT)
              .until(() -> received.distinct("fo.") == events.size());

          assertThat(events).allSatisfy(id -> assertThat(received.byId(id)).isNotNull());
          for (String type : List.of("fo.before", "fo.during", "fo.after")) {
            assertThat(received.sequencesByAggregate(type))
                .allSatisfy((aggregate, seqs) -> assertThat(seqs).containsExactly(0, 1, 2));
          }
          assertThat(slots(standby)).containsExactly(slot);
          assertThat(new RelayStatusQuery(pool).lastSlotLoss(slot))
              .hasValueSatisfying(
                  loss -> {
                    assertThat(loss.cause()).isEqualTo(SlotLoss.Cause.MISSING);
                    assertThat(loss.action()).isEqualTo(SlotLoss.Action.RECOVERED);
                  });
        } finally {
          received.stop();
        }
      }
    } finally {
      try (Connection cleanup =
          AmqpConnections.parse(TestServices.amqpUri()).open("failover-it-cleanup")) {
        declared.delete(cleanup);
      }
    }
  }

  private static Relay start(RelayConfig config, DataSource pool, SimpleMeterRegistry registry)
      throws InterruptedException {
    Migrations.migrate(pool, PUBLICATION);
    Relay relay = Relay.start(config, pool, registry);
    assertThat(relay.awaitStreaming(WAIT)).isTrue();
    return relay;
  }

  // The relay's stored positions on one server, asked directly (a standby answers reads).
  private static long storedOffsets(PrivatePostgres server) {
    try (HikariDataSource one =
        Pools.create(
            new dev.outbox.config.DatabaseSettings(
                server.jdbcUrl("127.0.0.1", "outbox"), "postgres", ""),
            "failover-offsets",
            1)) {
      return ((Number)
              new Rows(one).list("SELECT count(*) AS n FROM relay_offsets").get(0).get("n"))
          .longValue();
    }
  }

  // The replication slots of one server, asked directly.
  private static List<String> slots(PrivatePostgres server) {
    try (HikariDataSource one =
        Pools.create(
            new dev.outbox.config.DatabaseSettings(
                server.jdbcUrl("127.0.0.1", "outbox"), "postgres", ""),
            "failover-slots",
            1)) {
      return new Rows(one)
          .list("SELECT slot_name FROM pg_replication_slots ORDER BY slot_name").stream()
              .map(row -> (String) row.get("slot_name"))
              .toList();
    }
  }

  private static RelayConfig config(
      PrivatePostgres standby, PrivatePostgres primary, String exchange, String slot) {
    Map<String, String> env = new HashMap<>();
    env.put(
        "DATABASE_URL",
        "jdbc:postgresql://127.0.0.1:"
            + standby.port()
            + ",127.0.0.1:"
            + primary.port()
            + "/outbox?targetServerType=primary&connectTimeout=2&hostRecheckSeconds=1");
    env.put("DATABASE_USER", "postgres");
    env.put("EVENT_BUS_URL", TestServices.amqpUri());
    env.put("EVENT_BUS_EXCHANGE", exchange);
    env.put("CDC_SLOT_NAME", slot);
    env.put("CDC_PUBLICATION", PUBLICATION);
    env.put("CDC_HEARTBEAT_INTERVAL", "500ms");
    return RelayEnvironment.config(env);
  }
}
