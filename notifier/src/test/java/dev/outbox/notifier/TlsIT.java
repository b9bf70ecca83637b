package dev.outbox.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.config.AmqpConnections;
import dev.outbox.config.ConfigReader;
import dev.outbox.config.Environment;
import dev.outbox.config.Pools;
import dev.outbox.notifier.config.NotifierConfig;
import dev.outbox.testing.services.PrivatePostgres;
import dev.outbox.testing.services.PrivateRabbitMq;
import dev.outbox.testing.services.ServiceDirectory;
import dev.outbox.testing.tls.IssuedCertificate;
import dev.outbox.testing.tls.TestCa;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The notifier over verified TLS: its pool to a private PostgreSQL cluster that takes TCP only
 * through {@code hostssl} ({@code sslmode=verify-full}), its consumers on a private RabbitMQ node's
 * TLS listener with EVENT_BUS_CA_FILE naming the test's CA; another CA or a host name the
 * certificate does not name keeps it from starting, saying which.
 */
class TlsIT {

  static ServiceDirectory dir;
  static TestCa ca;
  static TestCa otherCa;
  static PrivatePostgres pg;
  static PrivateRabbitMq rabbit;

  @BeforeAll
  static void startServices() throws Exception {
    dir = ServiceDirectory.create("notifier-tls-it");
    Path certs = Files.createDirectories(dir.root().resolve("certs"));
    ca = TestCa.create(certs, "outbox-test-ca");
    otherCa = TestCa.create(certs, "other-ca");
    IssuedCertificate server = ca.issue("localhost", List.of("DNS:localhost", "IP:127.0.0.1"));
    pg =
        PrivatePostgres.create(dir)
            .withTls(ca, server)
            .withHba("hostssl all all 127.0.0.1/32 trust");
    pg.start().createDatabase("outbox");
    rabbit = PrivateRabbitMq.create(dir).withTls(ca, server, "127.0.0.1", "127.0.0.2").start();
  }

  @AfterAll
  static void stopServices() {
    if (rabbit != null) {
      rabbit.close();
    }
    if (pg != null) {
      pg.close();
    }
    if (dir != null) {
      dir.close();
    }
  }

  @Test
  void the_notifier_handles_an_event_over_verified_tls_to_the_database_and_the_broker()
      throws Exception {
    NotifierConfig config = config(rabbit.amqpsUri("localhost"), ca);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (HikariDataSource pool =
            Pools.create(config.database(), "notifier-tls", Notifier.poolSize(config));
        Notifier notifier = new Notifier(config, pool, meters)) {
      notifier.start();
      assertThat(notifier.isRunning()).isTrue();

      publish(config.exchange(), TestEvents.userCreated("ada@example.com", "+14155550100"));

      await("the event handled")
          .atMost(Duration.ofSeconds(30))
          .until(() -> completed(meters, config.consumer().queue()) == 1);
    }
  }

  @Test
  void a_broker_certificate_of_another_ca_keeps_the_notifier_from_starting() throws Exception {
    NotifierConfig config = config(rabbit.amqpsUri("localhost"), otherCa);
    try (HikariDataSource pool = Pools.create(config.database(), "notifier-tls-ca", 4);
        Notifier notifier = new Notifier(config, pool, new SimpleMeterRegistry())) {
      assertThatThrownBy(notifier::start)
          .isInstanceOf(SSLException.class)
          .hasMessageContaining(
              "the broker's certificate is not signed by a CA this process trusts")
          .hasMessageContaining("EVENT_BUS_CA_FILE=" + otherCa.certificate());
    }
  }

  @Test
  void a_broker_host_name_the_certificate_does_not_name_keeps_the_notifier_from_starting()
      throws Exception {
    NotifierConfig config = config(rabbit.amqpsUri("127.0.0.2"), ca);
    try (HikariDataSource pool = Pools.create(config.database(), "notifier-tls-host", 4);
        Notifier notifier = new Notifier(config, pool, new SimpleMeterRegistry())) {
      assertThatThrownBy(notifier::start)
          .isInstanceOf(SSLException.class)
          .hasMessageContaining("does not name the host of EVENT_BUS_URL")
          .hasMessageContaining("127.0.0.2");
    }
  }

  @Test
  void a_database_certificate_of_another_ca_is_refused_by_the_pool() {
    Map<String, String> env = environment(rabbit.amqpsUri("localhost"), ca);
    env.put(
        "DATABASE_URL",
        pg.jdbcUrl("localhost", "outbox")
            .replace(ca.certificate().toString(), otherCa.certificate().toString()));
    NotifierConfig config = ConfigReader.read(Environment.of(env), NotifierConfig::read);

    assertThatThrownBy(() -> Pools.create(config.database(), "notifier-tls-db", 1).close())
        .rootCause()
        .hasMessageContaining("unable to find valid certification path");
  }

  private static NotifierConfig config(String eventBusUrl, TestCa trusted) {
    return ConfigReader.read(
        Environment.of(environment(eventBusUrl, trusted)), NotifierConfig::read);
  }

  private static Map<String, String> environment(String eventBusUrl, TestCa trusted) {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", pg.jdbcUrl("localhost", "outbox"));
    env.put("DATABASE_USER", "postgres");
    env.put("EVENT_BUS_URL", eventBusUrl);
    env.put("EVENT_BUS_CA_FILE", trusted.certificate().toString());
    env.put("EVENT_BUS_EXCHANGE", "tls_events");
    env.put("EMAIL_ADAPTER", "log");
    env.put("SMS_ADAPTER", "log");
    env.put("EMAIL_VERIFICATION_SECRET", "test-secret-of-at-least-32-characters");
    env.put("PUBLIC_BASE_URL", "https://shop.example");
    return env;
  }

  // Over the node's plain listener: the test's own publisher, not the subject.
  private static void publish(String exchange, TestEvents event) throws Exception {
    try (Connection amqp = AmqpConnections.parse(rabbit.amqpUri()).open("notifier-tls-it");
        Channel ch = amqp.createChannel()) {
      ch.confirmSelect();
      AMQP.BasicProperties props =
          new AMQP.BasicProperties.Builder()
              .contentType("application/json")
              .deliveryMode(2)
              .messageId(event.id().toString())
              .type(event.type())
              .headers(Map.of("aggregate_type", "user"))
              .build();
      ch.basicPublish(exchange, event.type(), true, props, event.body());
      ch.waitForConfirmsOrDie(5_000);
    }
  }

  private static double completed(SimpleMeterRegistry meters, String queue) {
    return meters
        .find("notifier.events.handled")
        .tag("queue", queue)
        .tag("outcome", "completed")
        .counters()
        .stream()
        .mapToDouble(Counter::count)
        .sum();
  }
}
