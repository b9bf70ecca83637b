package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.outbox.api.ApiServer;
import dev.outbox.notifier.Notifier;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker/ kept in step with the code: both compose files parse with a real compose parser, the
 * services built from our image run real subcommands with variables the code reads, Prometheus
 * scrapes the ports they serve metrics on, and the Dockerfile passes a linter (dockerfile-utils,
 * from npm: hadolint is not packaged for Debian) and copies every module's pom. Every image is
 * pinned to an exact version, every role has a healthcheck on the port it serves, and every role's
 * stop grace period outlasts its own stop bound.
 */
class DockerFilesTest {

  private static final String COMPOSE = "docker/compose.yaml";
  private static final String IMAGE = "outbox:local";

  @Test
  void both_compose_files_parse_with_docker_compose() throws Exception {
    ComposeFile.config(COMPOSE, "-q");
    ComposeFile.config("docker/compose.deps.yaml", "-q");
  }

  @Test
  void the_full_file_runs_every_role_with_two_relays_and_the_services() throws Exception {
    Map<String, ComposeFile.Service> services = resolved();

    assertThat(services)
        .containsKeys(
            "postgres",
            "rabbitmq",
            "migrate",
            "api",
            "relay-a",
            "relay-b",
            "notifier",
            "prometheus");
    assertThat(services.get("rabbitmq").image()).matches("rabbitmq:4\\.[0-9.]+-management");
    assertThat(services.get("relay-a").command()).containsExactly("relay");
    assertThat(services.get("relay-b").command()).containsExactly("relay");
    assertThat(services.get("migrate").command()).containsExactly("migrate");
    assertThat(Repository.read(COMPOSE)).contains("wal_level=logical", "pg_isready");
  }

  @Test
  void the_deps_file_holds_only_postgres_and_rabbitmq() throws Exception {
    var services = ComposeFile.services(ComposeFile.config("docker/compose.deps.yaml"));

    assertThat(services.keySet()).containsExactlyInAnyOrder("postgres", "rabbitmq");
  }

  @Test
  void every_service_of_our_image_runs_a_subcommand_the_cli_has() throws Exception {
    Set<String> subcommands =
        Commands.tree(new Invocation(Map.of(), System.out, System.err, new Cli.TestStop()))
            .getSubcommands()
            .keySet();

    for (ComposeFile.Service service : ours()) {
      assertThat(service.command()).as(service.name()).hasSize(1);
      assertThat(subcommands).as(service.name()).contains(service.command().get(0));
    }
  }

  @Test
  void every_variable_our_services_set_is_one_the_code_reads() throws Exception {
    List<ComposeFile.Service> ours = ours();

    assertThat(ours).hasSizeGreaterThanOrEqualTo(5);
    for (ComposeFile.Service service : ours) {
      assertThat(service.environment()).as(service.name()).isNotEmpty();
      assertThat(ConfigReference.names())
          .as(service.name())
          .containsAll(service.environment().keySet());
    }
  }

  @Test
  void prometheus_scrapes_the_api_port_and_every_metrics_port() throws Exception {
    Map<String, ComposeFile.Service> services = resolved();
    String prometheus = Repository.read("docker/prometheus.yml");

    assertThat(prometheus)
        .contains("\"api:" + services.get("api").environment().get("HTTP_PORT") + "\"");
    for (String role : List.of("relay-a", "relay-b", "notifier")) {
      String port = services.get(role).environment().get("METRICS_PORT");
      assertThat(port).as(role).isNotBlank().isNotEqualTo("0");
      assertThat(prometheus).contains("\"" + role + ":" + port + "\"");
    }
  }

  @Test
  void the_dockerfile_passes_the_linter_without_a_warning() throws Exception {
    Process lint;
    try {
      lint =
          new ProcessBuilder("dockerfile-utils", "lint", "docker/Dockerfile")
              .directory(Repository.root().toFile())
              .redirectErrorStream(true)
              .start();
    } catch (java.io.IOException e) {
      throw new AssertionError(
          "dockerfile-utils (the Dockerfile linter) is not installed: run scripts/test-tools", e);
    }
    String report = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(lint.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(report).isEmpty();
    assertThat(lint.exitValue()).isZero();
  }

  @Test
  void the_dockerfile_copies_the_pom_of_every_module() {
    String dockerfile = Repository.read("docker/Dockerfile");
    Matcher module =
        Pattern.compile("<module>([^<]+)</module>").matcher(Repository.read("pom.xml"));
    int modules = 0;
    while (module.find()) {
      modules++;
      assertThat(dockerfile)
          .contains("COPY " + module.group(1) + "/pom.xml " + module.group(1) + "/");
    }
    assertThat(modules).isGreaterThanOrEqualTo(6);
    assertThat(dockerfile).contains("-pl app -am", "ENTRYPOINT");
  }

  /** A tag with at least major.minor (postgres 17.5, rabbitmq 4.1.0, temurin 17.0.15_6). */
  private static final Pattern EXACT_TAG = Pattern.compile("[^:]+:v?[0-9]+\\.[0-9]+[0-9._]*(-.+)?");

  @Test
  void every_image_is_pinned_to_an_exact_version() throws Exception {
    List<String> images = new java.util.ArrayList<>();
    for (String file : List.of(COMPOSE, "docker/compose.deps.yaml")) {
      ComposeFile.services(ComposeFile.config(file)).values().stream()
          .map(ComposeFile.Service::image)
          .filter(image -> !IMAGE.equals(image))
          .forEach(images::add);
    }
    Matcher from =
        Pattern.compile("(?m)^FROM (\\S+)").matcher(Repository.read("docker/Dockerfile"));
    while (from.find()) {
      images.add(from.group(1));
    }

    assertThat(images).hasSizeGreaterThanOrEqualTo(7);
    assertThat(images).allSatisfy(image -> assertThat(image).matches(EXACT_TAG));
  }

  @Test
  void every_role_has_a_readiness_healthcheck_on_the_port_it_serves() throws Exception {
    Map<String, ComposeFile.Service> services = resolved();

    ComposeFile.Service api = services.get("api");
    assertThat(api.healthcheck())
        .containsExactly("CMD", "bash", HTTP_CHECK, api.environment().get("HTTP_PORT"), "/ready");
    // The relay and the notifier serve their probes on METRICS_PORT (ProbeServer).
    for (String role : List.of("relay-a", "relay-b", "notifier")) {
      ComposeFile.Service service = services.get(role);
      assertThat(service.healthcheck())
          .as(role)
          .containsExactly(
              "CMD", "bash", HTTP_CHECK, service.environment().get("METRICS_PORT"), "/ready");
    }
    for (ComposeFile.Service service : ours()) {
      if (!service.name().equals("migrate")) {
        assertThat(service.healthcheck()).as(service.name()).isNotEmpty();
      }
    }
    assertThat(Repository.read("docker/Dockerfile"))
        .contains("COPY docker/http-check " + HTTP_CHECK);
  }

  @Test
  void every_role_may_finish_its_drain_before_docker_kills_it() throws Exception {
    Map<String, ComposeFile.Service> services = resolved();

    assertThat(grace(services.get("api"))).isGreaterThan(ApiServer.STOP_TIMEOUT);
    // Two consumers, each given the grace in turn.
    assertThat(grace(services.get("notifier")))
        .isGreaterThan(Notifier.CONSUMER_GRACE.multipliedBy(2));
    // The relay's engine thread is given 30 s to end (cdc-relay's EngineThread.close).
    for (String relay : List.of("relay-a", "relay-b")) {
      assertThat(grace(services.get(relay))).as(relay).isGreaterThan(Duration.ofSeconds(30));
    }
    for (ComposeFile.Service service : ours()) {
      if (!service.name().equals("migrate")) {
        assertThat(grace(service)).as(service.name()).isLessThanOrEqualTo(JvmShutdownSignal.GRACE);
      }
    }
  }

  @Test
  void the_healthcheck_script_is_healthy_on_a_2xx_only() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/health", exchange -> answer(exchange, 200));
    server.createContext("/ready", exchange -> answer(exchange, 503));
    server.start();
    try {
      int port = server.getAddress().getPort();

      assertThat(httpCheck(port, "/health")).isZero();
      assertThat(httpCheck(port, "/ready")).isNotZero();
    } finally {
      server.stop(0);
    }
    assertThat(httpCheck(Http.freePort(), "/health")).as("nothing listening").isNotZero();
  }

  private static final String HTTP_CHECK = "/app/http-check";

  private static Duration grace(ComposeFile.Service service) {
    assertThat(service.stopGracePeriod()).as(service.name() + " stop_grace_period").isNotNull();
    return Duration.parse("PT" + service.stopGracePeriod().toUpperCase(java.util.Locale.ROOT));
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status)
      throws java.io.IOException {
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  private static int httpCheck(int port, String path) throws Exception {
    Process check =
        new ProcessBuilder("bash", "docker/http-check", String.valueOf(port), path)
            .directory(Repository.root().toFile())
            .redirectErrorStream(true)
            .start();
    assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return check.exitValue();
  }

  private static List<ComposeFile.Service> ours() throws Exception {
    return resolved().values().stream().filter(service -> IMAGE.equals(service.image())).toList();
  }

  private static Map<String, ComposeFile.Service> resolved;

  // One parser run for the tests that only read the resolved file (the parser takes a second).
  private static synchronized Map<String, ComposeFile.Service> resolved() throws Exception {
    if (resolved == null) {
      resolved = ComposeFile.services(ComposeFile.config(COMPOSE));
    }
    return resolved;
  }
}
