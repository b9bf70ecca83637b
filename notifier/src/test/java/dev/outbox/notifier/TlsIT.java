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
import dev.outbox.testing.tls.TestCa;
import dev.outbox.testing.tls.TlsServices;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
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

  static TlsServices tls;

  @BeforeAll
  static void startServices() {
    tls =
        TlsServices.start(
            "notifier-tls-it", pg -> pg.withHba("hostssl all all 127.0.0.1/32 trust"));
  }

  @AfterAll
  static void stopServices() {
    if (tls != null) {
      tls.close();
    }
  }

  @Test
  void the_notifier_handles_an_event_over_verified_tls_to_the_database_and_the_broker()
      throws Exception {
    NotifierConfig config = config(tls.rabbit().amqpsUri("localhost"), tls.ca());
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
    NotifierConfig config = config(tls.rabbit().amqpsUri("localhost"), tls.otherCa());
    try (HikariDataSource pool = Pools.create(config.database(), "notifier-tls-ca", 4);
        Notifier notifier = new Notifier(config, pool, new SimpleMeterRegistry())) {
      assertThatThrownBy(notifier::start)
          .isInstanceOf(SSLException.class)
          .hasMessageContaining(
              "the broker's certificate is not signed by a CA this process trusts")
          .hasMessageContaining("EVENT_BUS_CA_FILE=" + tls.otherCa().certificate());
    }
  }

  @Test
  void a_broker_host_name_the_certificate_does_not_name_keeps_the_notifier_from_starting()
      throws Exception {
    NotifierConfig config = config(tls.rabbit().amqpsUri("127.0.0.2"), tls.ca());
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
    Map<String, String> env = environment(tls.rabbit().amqpsUri("localhost"), tls.ca());
    env.put(
        "DATABASE_URL",
        tls.postgres()
            .jdbcUrl("localhost", TlsServices.DATABASE)
            .replace(tls.ca().certificate().toString(), tls.otherCa().certificate().toString()));
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
    env.put("DATABASE_URL", tls.postgres().jdbcUrl("localhost", TlsServices.DATABASE));
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
    try (Connection amqp = AmqpConnections.parse(tls.rabbit().amqpUri()).open("notifier-tls-it");
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
