package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outbox.testing.HttpTestClient;
import dev.outbox.testing.HttpTestClient.Response;
import dev.outbox.testing.TestDatabase;
import dev.outbox.testing.services.PrivateRabbitMq;
import dev.outbox.testing.services.ServiceDirectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every role as its own process (outbox.jar) on a private RabbitMQ node: /health and /ready answer
 * what each role's readiness means, and a graceful broker restart ({@code rabbitmqctl stop_app},
 * {@code start_app}) keeps the api ready (the broker reported down), takes the relays and the
 * notifier out of readiness, and costs each process at most two log lines.
 */
class ProbesIT {

  private static final Duration START = Duration.ofSeconds(120);
  private static ServiceDirectory dir;
  private static PrivateRabbitMq rabbit;
  private static TestDatabase db;

  @BeforeAll
  static void startServices() {
    dir = ServiceDirectory.create("app-probes-it");
    rabbit = PrivateRabbitMq.create(dir).start();
    db = TestDatabase.create("app_probes");
    assertThat(Cli.run(env(), "migrate").exitCode()).isZero();
  }

  @AfterAll
  static void stopServices() {
    if (db != null) {
      db.close();
    }
    if (rabbit != null) {
      rabbit.close();
    }
    if (dir != null) {
      dir.close();
    }
  }

  @Test
  void every_role_is_probed_and_a_broker_restart_costs_each_process_two_lines() throws Exception {
    int apiPort = Http.freePort();
    List<RoleProcess> roles = new ArrayList<>();
    try {
      roles.add(RoleProcess.start("api", apiPort, "HTTP_PORT"));
      roles.add(RoleProcess.start("relay", Http.freePort(), "METRICS_PORT"));
      roles.add(RoleProcess.start("relay", Http.freePort(), "METRICS_PORT"));
      roles.add(RoleProcess.start("notifier", Http.freePort(), "METRICS_PORT"));
      RoleProcess api = roles.get(0);
      RoleProcess notifier = roles.get(3);
      for (RoleProcess role : roles) {
        await(role + " ready").atMost(START).until(() -> role.readyStatus() == 200);
        assertThat(role.get("/health").json().get("status").asText()).isEqualTo("UP");
      }
      RoleProcess active =
          await().atMost(START).until(() -> relayIn("active", roles), r -> r != null);
      RoleProcess standby = relayIn("standby", roles);

      JsonNode apiChecks = api.ready().json().get("checks");
      assertThat(apiChecks.at("/database/status").asText()).isEqualTo("UP");
      assertThat(apiChecks.at("/broker/status").asText()).isEqualTo("UP");
      assertThat(apiChecks.at("/broker/required").asBoolean(true)).isFalse();
      assertThat(active.check("relay").get("streaming").asBoolean()).isTrue();
      assertThat(active.check("relay").get("broker").asText()).isEqualTo("connected");
      assertThat(standby).isNotNull();
      assertThat(standby.check("relay").get("waiting_for_lock").asBoolean()).isTrue();
      assertThat(notifier.check("notifier").at("/consumers").size()).isEqualTo(2);
      assertThat(active.get("/metrics").body()).contains("relay_active{slot=\"");
      assertThat(active.get("/metrics").body()).containsPattern("relay_active\\{[^}]*} 1\\.0");
      assertThat(standby.get("/metrics").body()).containsPattern("relay_active\\{[^}]*} 0\\.0");

      roles.forEach(RoleProcess::markLog);
      rabbit.stopApp();

      await("api ready, broker reported down")
          .atMost(START)
          .until(() -> api.ready().status() == 200 && down(api.ready().json(), "broker"));
      await("active relay not delivering")
          .atMost(START)
          .until(() -> active.ready().status() == 503);
      assertThat(active.check("relay").get("delivering").asBoolean()).isFalse();
      assertThat(active.check("relay").get("broker").asText()).isEqualTo("disconnected");
      await("standby not ready").atMost(START).until(() -> standby.ready().status() == 503);
      await("notifier not ready").atMost(START).until(() -> notifier.ready().status() == 503);
      // The README's samples of a broker outage come from here.
      for (RoleProcess role : roles) {
        System.out.println(role + " /ready while RabbitMQ is stopped: " + role.ready().body());
      }

      rabbit.startApp();

      for (RoleProcess role : roles) {
        // The api sees the broker only when probed: each poll is a probe.
        await(role + " ready again, saying the broker is back")
            .atMost(START)
            .until(
                () -> role.readyStatus() == 200 && role.logSinceMark().contains("is back after"));
      }
      assertThat(api.ready().json().at("/checks/broker/status").asText()).isEqualTo("UP");
      for (RoleProcess role : roles) {
        List<String> lines = role.logLinesSinceMark();
        System.out.println(role + " logged for the restart:\n" + String.join("\n", lines));
        assertThat(lines)
            .as(role + " logged:\n" + String.join("\n", lines))
            .hasSizeLessThanOrEqualTo(2);
        assertThat(lines).as(role.toString()).anyMatch(line -> line.contains("WARN"));
      }
      // And delivery resumed: a registration reaches the notifier through the relay.
      Response created =
          api.http.postJson(
              "/users", "{\"email\":\"back@example.com\",\"phone\":\"+14155550100\"}");
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      await("the welcome email after the restart")
          .atMost(START)
          .until(() -> notifier.logSinceMark().contains("to=b***@example.com"));
    } finally {
      for (RoleProcess role : roles) {
        role.stop();
      }
    }
  }

  @Test
  void all_serves_every_probe_on_http_port_and_requires_every_role() throws Exception {
    try (Cli.Running all =
        Cli.start(
            env("EMAIL_VERIFICATION_SECRET", TestEnv.SECRET, "CDC_SLOT_NAME", slot("all")),
            "all")) {
      await().atMost(START).until(() -> all.out().contains("outbox all running") || all.exited());
      HttpTestClient http = new HttpTestClient(Http.port(all.out(), "api listening on "));
      await().atMost(START).until(() -> http.get("/ready").status() == 200);

      JsonNode checks = http.get("/ready").json().get("checks");

      assertThat(http.get("/health").json().get("status").asText()).isEqualTo("UP");
      assertThat(names(checks)).containsExactly("database", "broker", "relay", "notifier");
      assertThat(checks.at("/relay/role").asText()).isEqualTo("active");
      assertThat(checks.at("/relay/delivering").asBoolean()).isTrue();
      assertThat(checks.at("/notifier/broker").asText()).isEqualTo("connected");
      assertThat(http.get("/metrics").body()).contains("relay_active{");
      assertThat(all.stop(START)).isZero();
    }
  }

  private static boolean down(JsonNode report, String check) {
    return "DOWN".equals(report.at("/checks/" + check + "/status").asText());
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static RoleProcess relayIn(String role, List<RoleProcess> roles) {
    for (RoleProcess r : roles) {
      if (r.command.equals("relay") && role.equals(r.check("relay").path("role").asText())) {
        return r;
      }
    }
    return null;
  }

  private static String slot(String name) {
    return "app_probes_" + name + "_" + ProcessHandle.current().pid();
  }

  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", db.jdbcUrl());
    env.put("DATABASE_USER", db.user());
    env.put("DATABASE_PASSWORD", db.password());
    env.put("EVENT_BUS_URL", rabbit.amqpUri());
    env.put("CDC_SLOT_NAME", slot("roles"));
    env.put("NOTIFIER_CONCURRENCY", "1");
    env.put("HTTP_PORT", "0");
    env.put("METRICS_PORT", "0");
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  /** One role's process, its probe port and the log it printed since {@link #markLog}. */
  private static final class RoleProcess {
    final String command;
    final JarProcess process;
    final HttpTestClient http;
    final int port;
    private int mark;

    private RoleProcess(String command, JarProcess process, int port) {
      this.command = command;
      this.process = process;
      this.http = new HttpTestClient(port);
      this.port = port;
    }

    static RoleProcess start(String command, int port, String variable) throws Exception {
      Map<String, String> env =
          env(variable, String.valueOf(port), "EMAIL_VERIFICATION_SECRET", TestEnv.SECRET);
      return new RoleProcess(command, JarProcess.start(env, command), port);
    }

    Response get(String path) {
      try {
        return http.get(path);
      } catch (RuntimeException e) {
        throw new AssertionError(this + " does not answer " + path + ":\n" + process.output(), e);
      }
    }

    Response ready() {
      return get("/ready");
    }

    /** /ready's status, -1 while nothing answers on the port yet. */
    int readyStatus() {
      if (!process.isAlive()) {
        throw new AssertionError(this + " exited:\n" + process.output());
      }
      try {
        return http.get("/ready").status();
      } catch (RuntimeException e) {
        return -1;
      }
    }

    JsonNode check(String name) {
      return ready().json().path("checks").path(name);
    }

    void markLog() {
      mark = process.output().length();
    }

    String logSinceMark() {
      return process.output().substring(mark);
    }

    List<String> logLinesSinceMark() {
      return Arrays.stream(logSinceMark().split("\n")).filter(line -> !line.isBlank()).toList();
    }

    void stop() throws InterruptedException {
      process.terminate();
      process.waitFor(START);
    }

    @Override
    public String toString() {
      return command + " on port " + port;
    }
  }
}
