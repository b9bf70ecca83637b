package dev.outbox.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Connection;
import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.config.AmqpConnections;
import dev.outbox.config.EventExchange;
import dev.outbox.config.Pools;
import dev.outbox.core.config.Migrations;
import dev.outbox.relay.config.DebeziumProperties;
import dev.outbox.relay.config.RelayConfig;
import dev.outbox.relay.publish.BrokerUnavailableException;
import dev.outbox.relay.publish.RabbitMqPublisher;
import dev.outbox.relay.support.ReceivedMessages;
import dev.outbox.relay.support.RelayEnvironment;
import dev.outbox.relay.window.WindowedPostgresConnector;
import dev.outbox.testing.tls.IssuedCertificate;
import dev.outbox.testing.tls.TestCa;
import dev.outbox.testing.tls.TlsServices;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The relay over verified TLS on both sides, against a private PostgreSQL cluster (TCP only through
 * {@code hostssl}, and only with a client certificate) and a private RabbitMQ node with a TLS
 * listener, both with certificates of a CA the test makes; the right CA works, another CA or a host
 * name the certificate does not name is refused with a message that says so.
 */
class TlsIT {

  static final String PUBLICATION = "outbox_publication";
  static final String EXCHANGE = "tls_events";

  static TlsServices tls;
  static IssuedCertificate client;

  @BeforeAll
  static void startServices() throws Exception {
    // Every TCP connection must be TLS with a client certificate of the CA for user postgres: the
    // relay's replication stream connects only if DATABASE_URL's sslcert and sslkey reach it.
    tls =
        TlsServices.start(
            "relay-tls-it",
            pg ->
                pg.alsoListenOn("127.0.0.2")
                    .withHba(
                        "hostssl all all 127.0.0.1/32 cert", "hostssl all all 127.0.0.2/32 cert"));
    client = tls.ca().issue("postgres", List.of());
    try (Connection amqp = AmqpConnections.parse(tls.rabbit().amqpUri()).open("relay-tls-it")) {
      EventExchange.declare(amqp, EXCHANGE);
    }
  }

  @AfterAll
  static void stopServices() {
    if (tls != null) {
      tls.close();
    }
  }

  @Test
  void the_relay_streams_over_verified_tls_and_publishes_over_amqps_with_the_named_ca()
      throws Exception {
    RelayConfig config = config("localhost", tls.ca(), tls.rabbit().amqpsUri("localhost"));
    try (HikariDataSource pool = Pools.create(config.database(), "relay-tls", Relay.POOL_SIZE);
        Connection amqp =
            AmqpConnections.parse(tls.rabbit().amqpUri()).open("relay-tls-it-queue")) {
      Migrations.migrate(pool, PUBLICATION);
      ReceivedMessages received = ReceivedMessages.bind(amqp, EXCHANGE, "tls_all", "#");
      try (Relay relay = Relay.start(config, pool, new SimpleMeterRegistry())) {
        assertThat(relay.awaitStreaming(Duration.ofSeconds(90))).as(tls.postgres().log()).isTrue();
        UUID id = insert(pool);

        await("the event over amqps")
            .atMost(Duration.ofSeconds(30))
            .until(() -> received.byId(id) != null);
        assertThat(walsenderTls(pool)).isEqualTo("ssl=true client=/CN=postgres");
      } finally {
        received.stop();
      }
    }
  }

  @Test
  void a_database_certificate_of_another_ca_is_refused_by_the_pool_and_by_debezium()
      throws Exception {
    RelayConfig config = config("localhost", tls.otherCa(), tls.rabbit().amqpsUri("localhost"));

    assertThatThrownBy(() -> Pools.create(config.database(), "relay-wrong-ca", 1).close())
        .rootCause()
        .hasMessageContaining("unable to find valid certification path");
    assertThat(debeziumValidationErrors(config))
        .anySatisfy(e -> assertThat(e).contains("PKIX path building failed"));
  }

  @Test
  void a_database_host_name_the_certificate_does_not_name_is_refused() throws Exception {
    RelayConfig config = config("127.0.0.2", tls.ca(), tls.rabbit().amqpsUri("localhost"));

    assertThatThrownBy(() -> Pools.create(config.database(), "relay-wrong-host", 1).close())
        .hasStackTraceContaining("The hostname 127.0.0.2 could not be verified");
    assertThat(debeziumValidationErrors(config))
        .anySatisfy(e -> assertThat(e).contains("The hostname 127.0.0.2 could not be verified"));
  }

  @Test
  void a_broker_certificate_of_another_ca_or_for_another_host_is_refused_saying_so()
      throws Exception {
    RelayConfig otherCaConfig =
        config("localhost", tls.otherCa(), tls.rabbit().amqpsUri("localhost"));
    RelayConfig otherHostConfig = config("localhost", tls.ca(), tls.rabbit().amqpsUri("127.0.0.2"));

    assertThatThrownBy(() -> publishNothing(otherCaConfig))
        .isInstanceOf(BrokerUnavailableException.class)
        .hasMessageContaining("the broker's certificate is not signed by a CA this process trusts")
        .hasMessageContaining("EVENT_BUS_CA_FILE=" + tls.otherCa().certificate());
    assertThatThrownBy(() -> publishNothing(otherHostConfig))
        .isInstanceOf(BrokerUnavailableException.class)
        .hasMessageContaining("does not name the host of EVENT_BUS_URL")
        .hasMessageContaining("127.0.0.2");
  }

  private static RelayConfig config(String dbHost, TestCa trusted, String eventBusUrl) {
    Map<String, String> env = new HashMap<>();
    env.put(
        "DATABASE_URL",
        "jdbc:postgresql://"
            + dbHost
            + ":"
            + tls.postgres().port()
            + "/"
            + TlsServices.DATABASE
            + "?sslmode=verify-full&sslrootcert="
            + trusted.certificate()
            + "&sslcert="
            + client.certificate()
            + "&sslkey="
            + client.pkcs8Key());
    env.put("DATABASE_USER", "postgres");
    env.put("EVENT_BUS_URL", eventBusUrl);
    env.put("EVENT_BUS_CA_FILE", trusted.certificate().toString());
    env.put("EVENT_BUS_EXCHANGE", EXCHANGE);
    env.put("CDC_SLOT_NAME", "tls_slot");
    env.put("CDC_PUBLICATION", PUBLICATION);
    env.put("CDC_HEARTBEAT_INTERVAL", "500ms");
    return RelayEnvironment.config(env);
  }

  private static void publishNothing(RelayConfig config) throws InterruptedException {
    RabbitMqPublisher publisher =
        new RabbitMqPublisher(
            config.bus().connections(), EXCHANGE, config.maxMessageBytes(), Duration.ofSeconds(5));
    try {
      publisher.publish(List.of());
    } finally {
      publisher.close();
    }
  }

  // Debezium's own check of its connection settings, which opens a connection as its tasks do.
  private static List<String> debeziumValidationErrors(RelayConfig config) {
    Map<String, String> properties = new HashMap<>();
    DebeziumProperties.of(config).forEach((k, v) -> properties.put(k.toString(), v.toString()));
    return new WindowedPostgresConnector()
        .validate(properties).configValues().stream()
            .map(ConfigValue::errorMessages)
            .flatMap(List::stream)
            .filter(Objects::nonNull)
            .toList();
  }

  private static UUID insert(HikariDataSource pool) throws Exception {
    UUID id = UUID.randomUUID();
    try (var c = pool.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO outbox_events (id, aggregate_type, aggregate_id, event_type, payload)"
                    + " VALUES (?, 'user', ?, 'user.created', '{}'::jsonb)")) {
      ps.setObject(1, id);
      ps.setObject(2, UUID.randomUUID());
      ps.executeUpdate();
    }
    return id;
  }

  private static String walsenderTls(HikariDataSource pool) throws Exception {
    try (var c = pool.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT s.ssl, s.client_dn FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid)"
                    + " WHERE a.backend_type = 'walsender'");
        ResultSet rs = ps.executeQuery()) {
      assertThat(rs.next()).as("a walsender is connected").isTrue();
      return "ssl=" + rs.getBoolean(1) + " client=" + rs.getString(2);
    }
  }
}
