package dev.outbox.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.api.ApiServer;
import dev.outbox.config.AmqpConnections;
import dev.outbox.config.health.Check;
import dev.outbox.config.health.HealthCheck;
import dev.outbox.core.config.Migrations;
import dev.outbox.testing.HttpTestClient;
import dev.outbox.testing.HttpTestClient.Response;
import dev.outbox.testing.TestDatabase;
import dev.outbox.testing.TestServices;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpsRoutesIT {

  static final TestDatabase db = TestDatabase.create("api_ops");
  static HikariDataSource pool;
  static ApiServer server;
  static ApiServer brokerDown;
  static HttpTestClient http;

  @BeforeAll
  static void start() throws IOException {
    pool = db.pool("api-ops-it", 2);
    Migrations.migrate(pool, "outbox_publication");
    server = started(AmqpConnections.parse(TestServices.amqpUri()));
    brokerDown =
        started(AmqpConnections.parse("amqp://guest:guest@127.0.0.1:" + closedPort() + "/"));
    http = new HttpTestClient(server.port());
  }

  @AfterAll
  static void stop() {
    server.stop();
    brokerDown.stop();
    pool.close();
    db.close();
  }

  @Test
  void health_answers_200_while_the_process_runs() {
    Response response = http.get("/health");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("status").asText()).isEqualTo("UP");
  }

  @Test
  void ready_is_200_when_database_and_broker_answer() {
    Response response = http.get("/ready");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("status").asText()).isEqualTo("UP");
    assertThat(response.json().at("/checks/database/status").asText()).isEqualTo("UP");
    assertThat(response.json().at("/checks/broker/status").asText()).isEqualTo("UP");
    assertThat(response.json().at("/checks/broker/required").asBoolean()).isFalse();
  }

  @Test
  void ready_stays_200_and_reports_the_broker_down_when_it_is_unreachable() {
    Response response = new HttpTestClient(brokerDown.port()).get("/ready");

    // The outbox takes the writes while the broker is away: the api stays in rotation.
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("status").asText()).isEqualTo("UP");
    assertThat(response.json().at("/checks/broker/status").asText()).isEqualTo("DOWN");
    assertThat(response.json().at("/checks/broker/error").asText()).isNotBlank();
    assertThat(response.json().at("/checks/database/status").asText()).isEqualTo("UP");
  }

  @Test
  void ready_is_503_when_a_required_role_check_is_down() {
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    HealthCheck relay = HealthCheck.of("relay", () -> Check.down("role", "active"));
    ApiServer all =
        new ApiServer(
                0,
                List.of(
                    new OpsController(
                        pool,
                        AmqpConnections.parse(TestServices.amqpUri()),
                        registry,
                        List.of(relay))))
            .start();
    try {
      Response response = new HttpTestClient(all.port()).get("/ready");

      assertThat(response.status()).isEqualTo(503);
      assertThat(response.json().get("status").asText()).isEqualTo("DOWN");
      assertThat(response.json().at("/checks/relay/role").asText()).isEqualTo("active");
    } finally {
      all.stop();
    }
  }

  @Test
  void metrics_are_prometheus_text_with_a_timer_per_route_template() {
    http.get("/health");
    http.get("/no/such/route");

    Response response = http.get("/metrics");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("text/plain");
    assertThat(response.body())
        .contains("http_server_requests_seconds_count{")
        .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/health\"")
        .containsPattern("uri=\"UNMATCHED\"")
        .doesNotContain("/no/such/route");
  }

  @Test
  void an_unknown_route_is_a_404_problem() {
    Response response = http.get("/no/such/route");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("status").asInt()).isEqualTo(404);
    assertThat(response.json().get("instance").asText()).isEqualTo("/no/such/route");
  }

  @Test
  void a_wrong_method_on_a_known_route_is_a_405_problem_with_allow() {
    Response response = http.method("DELETE", "/health");

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.header("Allow")).contains("GET");
  }

  private static ApiServer started(AmqpConnections broker) {
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    return new ApiServer(0, List.of(new OpsController(pool, broker, registry, List.of()))).start();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
