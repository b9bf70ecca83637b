package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outbox.testing.HttpTestClient;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each role alone through the real entry point, as its own process would run it: it starts, prints
 * its stages, serves /metrics, and on SIGTERM stops cleanly with exit 0.
 */
class RolesIT {

  private static final Duration START = Duration.ofSeconds(60);
  private static TestEnv test;

  @BeforeAll
  static void migrate() {
    test = new TestEnv("app_roles");
    assertThat(Cli.run(test.env(), "migrate").exitCode()).isZero();
  }

  @AfterAll
  static void cleanUp() throws Exception {
    test.close();
  }

  @Test
  void the_api_alone_serves_requests_and_metrics_then_stops_cleanly() throws Exception {
    try (Cli.Running api =
        Cli.start(test.env("EMAIL_VERIFICATION_SECRET", TestEnv.SECRET), "api")) {
      await().atMost(START).until(() -> api.out().contains("outbox api running") || api.exited());
      HttpTestClient http = localhost(Http.port(api.out(), "api listening on "));

      assertThat(http.get("/health").status()).isEqualTo(200);
      assertThat(http.get("/metrics").body()).contains("# TYPE");
      assertThat(api.stop(START)).isZero();
      assertThat(api.out()).contains("api stopped\n").endsWith("outbox api stopped cleanly\n");
    }
  }

  @Test
  void the_relay_alone_streams_serves_metrics_and_gives_its_slot_back() throws Exception {
    int metricsPort = Http.freePort();
    var queries = new StatusQueries(test.db.jdbcUrl(), test.db.user(), test.db.password());
    try (Cli.Running relay =
        Cli.start(test.env("METRICS_PORT", String.valueOf(metricsPort)), "relay")) {
      await()
          .atMost(START)
          .until(() -> relay.out().contains("outbox relay running") || relay.exited());
      await().atMost(START).until(() -> queries.slot(test.slot).streaming());

      assertThat(relay.out())
          .contains("metrics on http://localhost:" + metricsPort + "/metrics")
          .contains("relay started on slot " + test.slot);
      assertThat(queries.lockHeld(test.slot)).isTrue();
      assertThat(localhost(metricsPort).get("/metrics").body()).contains("# TYPE");
      assertThat(relay.stop(START)).isZero();
      assertThat(relay.out()).endsWith("outbox relay stopped cleanly\n");
      await().atMost(Duration.ofSeconds(10)).until(() -> !queries.slot(test.slot).streaming());
      assertThat(queries.lockHeld(test.slot)).isFalse();
    }
  }

  @Test
  void the_notifier_alone_consumes_serves_metrics_and_stops_cleanly() throws Exception {
    int metricsPort = Http.freePort();
    try (Cli.Running notifier =
        Cli.start(
            test.env(
                "EMAIL_VERIFICATION_SECRET",
                TestEnv.SECRET,
                "METRICS_PORT",
                String.valueOf(metricsPort)),
            "notifier")) {
      await()
          .atMost(START)
          .until(() -> notifier.out().contains("outbox notifier running") || notifier.exited());

      assertThat(notifier.out())
          .contains("notifier consuming " + test.queue + " and " + test.analyticsQueue)
          .contains("(email: log, sms: log)");
      assertThat(localhost(metricsPort).get("/metrics").status()).isEqualTo(200);
      assertThat(notifier.stop(START)).isZero();
      assertThat(notifier.out())
          .contains("notifier stopped\n")
          .endsWith("outbox notifier stopped cleanly\n");
    }
  }

  /** The stage lines print localhost, so the requests go there too. */
  private static HttpTestClient localhost(int port) {
    return new HttpTestClient(URI.create("http://localhost:" + port));
  }
}
