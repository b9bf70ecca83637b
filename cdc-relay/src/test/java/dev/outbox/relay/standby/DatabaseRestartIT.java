package dev.outbox.relay.standby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Connection;
import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.config.AmqpConnections;
import dev.outbox.config.ConfigReader;
import dev.outbox.config.Environment;
import dev.outbox.config.EventExchange;
import dev.outbox.config.Pools;
import dev.outbox.core.config.Migrations;
import dev.outbox.relay.Relay;
import dev.outbox.relay.config.RelayConfig;
import dev.outbox.relay.support.ReceivedMessages;
import dev.outbox.relay.support.RelayEnvironment;
import dev.outbox.testing.BrokerObjects;
import dev.outbox.testing.TestDatabase;
import dev.outbox.testing.TestServices;
import dev.outbox.testing.services.PrivatePostgres;
import dev.outbox.testing.services.ServiceDirectory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two relays on one slot across an immediate PostgreSQL restart (a private cluster): both lose
 * their sessions, one becomes active again, and the other stands by again at once, so that it takes
 * over when the active one goes. Before, the relay that had been active waited a minute for its
 * failed engine to "finish starting" and could take over nothing meanwhile (RELIABILITY.md, finding
 * 3), or stopped competing for good (finding 5).
 */
class DatabaseRestartIT {

  static final String PUBLICATION = "outbox_publication";

  static ServiceDirectory dir;
  static PrivatePostgres pg;
  static Connection amqp;
  static final String exchange = TestDatabase.uniqueName("restart_events");
  static final BrokerObjects declared = new BrokerObjects().eventExchange(exchange);

  @BeforeAll
  static void startServices() throws Exception {
    dir = ServiceDirectory.create("relay-restart-it");
    pg = PrivatePostgres.create(dir).start();
    pg.createDatabase("outbox");
    amqp = AmqpConnections.parse(TestServices.amqpUri()).open("relay-restart-it");
    EventExchange.declare(amqp, exchange);
  }

  @AfterAll
  static void stopServices() throws Exception {
    if (amqp != null) {
      declared.delete(amqp);
      amqp.close();
    }
    if (pg != null) {
      pg.close();
    }
    if (dir != null) {
      dir.close();
    }
  }

  @Test
  void after_an_immediate_restart_the_relay_that_is_not_active_takes_over_when_the_active_goes()
      throws Exception {
    RelayConfig config = config();
    String queue = TestDatabase.uniqueName("q");
    declared.queue(queue);
    ReceivedMessages received = ReceivedMessages.bind(amqp, exchange, queue, "#");
    try (HikariDataSource poolA = Pools.create(config.database(), "relay-a", Relay.POOL_SIZE);
        HikariDataSource poolB = Pools.create(config.database(), "relay-b", Relay.POOL_SIZE);
        HikariDataSource writes = Pools.create(config.database(), "writes", 2)) {
      Migrations.migrate(writes, PUBLICATION);
      Relay a = Relay.start(config, poolA, new SimpleMeterRegistry());
      Relay b = null;
      Relay closed = null;
      try {
        assertThat(a.awaitStreaming(Duration.ofSeconds(90))).as(pg.log()).isTrue();
        b = Relay.start(config, poolB, new SimpleMeterRegistry());
        UUID before = insert(writes, "restart.before");
        await().atMost(Duration.ofSeconds(30)).until(() -> arrived(received, before));

        pg.restartImmediately();

        Relay first = b;
        Relay second = a;
        await().atMost(Duration.ofSeconds(60)).until(() -> first.isActive() || second.isActive());
        Relay active = a.isActive() ? a : b;
        Relay other = active == a ? b : a;
        assertThat(active.awaitStreaming(Duration.ofSeconds(60))).as(pg.log()).isTrue();
        UUID after = insert(writes, "restart.after");
        await().atMost(Duration.ofSeconds(30)).until(() -> arrived(received, after));

        active.close();
        closed = active;
        assertThat(other.awaitStreaming(Duration.ofSeconds(20)))
            .as("the other relay takes over within 20 s of the active one closing")
            .isTrue();
        UUID takenOver = insert(writes, "restart.taken_over");
        await().atMost(Duration.ofSeconds(30)).until(() -> arrived(received, takenOver));
      } finally {
        if (closed != a) {
          a.close();
        }
        if (b != null && closed != b) {
          b.close();
        }
      }
    }
  }

  private static RelayConfig config() {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", pg.jdbcUrl("127.0.0.1", "outbox"));
    env.put("DATABASE_USER", "postgres");
    env.put("EVENT_BUS_URL", TestServices.amqpUri());
    env.put("EVENT_BUS_EXCHANGE", exchange);
    env.put("CDC_SLOT_NAME", "restart_slot");
    env.put("CDC_PUBLICATION", PUBLICATION);
    env.put("CDC_HEARTBEAT_INTERVAL", "500ms");
    return ConfigReader.read(Environment.of(env), RelayConfig::read);
  }

  private static boolean arrived(ReceivedMessages received, UUID id) {
    return received.firstArrivals().stream().anyMatch(r -> r.id().equals(id));
  }

  private static UUID insert(HikariDataSource writes, String type) {
    return RelayEnvironment.insert(writes, UUID.randomUUID().toString(), type, "{}");
  }
}
