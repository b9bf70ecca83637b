package dev.outbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.api.config.ApiConfig;
import dev.outbox.config.ConfigReader;
import dev.outbox.config.Environment;
import dev.outbox.config.Pools;
import dev.outbox.core.config.Migrations;
import dev.outbox.testing.HttpTestClient;
import dev.outbox.testing.HttpTestClient.Response;
import dev.outbox.testing.tls.TestCa;
import dev.outbox.testing.tls.TlsServices;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The api over verified TLS: its pool to a private PostgreSQL cluster that takes TCP only through
 * {@code hostssl} ({@code sslmode=verify-full}), its /ready broker check against a private RabbitMQ
 * node's TLS listener with EVENT_BUS_CA_FILE naming the test's CA; with another CA or a host name
 * the certificate does not name the check fails, and its log line says which.
 */
class TlsIT {

  static TlsServices tls;
  static HikariDataSource pool;

  @BeforeAll
  static void startServices() {
    tls = TlsServices.start("api-tls-it", pg -> pg.withHba("hostssl all all 127.0.0.1/32 trust"));
    ApiConfig config = config(tls.rabbit().amqpsUri("localhost"), tls.ca());
    pool = Pools.create(config.database(), "api-tls", Api.POOL_SIZE);
    Migrations.migrate(pool, config.replication().publication());
  }

  @AfterAll
  static void stopServices() {
    if (pool != null) {
      pool.close();
    }
    if (tls != null) {
      tls.close();
    }
  }

  @Test
  void the_api_writes_over_verified_tls_and_is_ready_with_the_named_broker_ca() {
    try (Api api = start(config(tls.rabbit().amqpsUri("localhost"), tls.ca()))) {
      HttpTestClient http = new HttpTestClient(api.port());

      Response created =
          http.postJson("/users", "{\"email\":\"ada@example.com\",\"phone\":\"+14155550100\"}");
      Response ready = http.get("/ready");

      assertThat(created.status()).as(created.body()).isEqualTo(201);
      assertThat(ready.status()).as(ready.body()).isEqualTo(200);
    }
  }

  @Test
  void a_broker_certificate_of_another_ca_shows_the_broker_down_and_the_log_says_why() {
    List<String> warnings =
        readinessWarnings(config(tls.rabbit().amqpsUri("localhost"), tls.otherCa()));

    assertThat(warnings)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("the broker's certificate is not signed by a CA this process trusts")
                    .contains("EVENT_BUS_CA_FILE=" + tls.otherCa().certificate()));
  }

  @Test
  void a_broker_host_name_the_certificate_does_not_name_shows_the_broker_down() {
    List<String> warnings = readinessWarnings(config(tls.rabbit().amqpsUri("127.0.0.2"), tls.ca()));

    assertThat(warnings)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("does not name the host of EVENT_BUS_URL")
                    .contains("127.0.0.2"));
  }

  // The broker is reported, not required: /ready stays 200 with the broker DOWN, and the outage
  // is logged (once) by the readiness check's Outage.
  private static List<String> readinessWarnings(ApiConfig config) {
    Logger logger = (Logger) LoggerFactory.getLogger("dev.outbox.config.Outage");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    logger.addAppender(lines);
    try (Api api = start(config)) {
      Response ready = new HttpTestClient(api.port()).get("/ready");
      assertThat(ready.status()).as(ready.body()).isEqualTo(200);
      assertThat(ready.json().at("/checks/broker/status").asText()).isEqualTo("DOWN");
    } finally {
      logger.detachAppender(lines);
    }
    return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  private static Api start(ApiConfig config) {
    return Api.start(config, pool, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  private static ApiConfig config(String eventBusUrl, TestCa brokerCa) {
    return ConfigReader.read(
        Environment.of(
            Map.of(
                "HTTP_PORT",
                "0",
                "EMAIL_VERIFICATION_SECRET",
                RunningApi.SECRET,
                "DATABASE_URL",
                tls.postgres().jdbcUrl("localhost", TlsServices.DATABASE),
                "DATABASE_USER",
                "postgres",
                "EVENT_BUS_URL",
                eventBusUrl,
                "EVENT_BUS_CA_FILE",
                brokerCa.certificate().toString())),
        ApiConfig::read);
  }
}
