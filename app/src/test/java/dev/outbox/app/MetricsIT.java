package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outbox.testing.HttpTestClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code outbox all} scraped on /metrics: every key series is there from the start, at zero, and
 * moves once events flow through the api, the relay and the notifier.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsIT {

  private static final Duration START = Duration.ofSeconds(90);
  private static final int USERS = 3;

  private static TestEnv test;
  private static Cli.Running all;
  private static HttpTestClient api;

  @BeforeAll
  static void startAll() {
    test = new TestEnv("app_metrics");
    all = Cli.start(test.env(), "all");
    await().atMost(START).until(() -> all.out().contains("outbox all running") || all.exited());
    assertThat(all.exited()).as(all.out() + all.err()).isFalse();
    api =
        new HttpTestClient(
            URI.create("http://localhost:" + Http.port(all.out(), "api listening on ")));
    // the relay's first sample of the slot says the slot exists and keeps its WAL
    await()
        .atMost(START)
        .until(() -> scrape().value("relay_slot_wal_status", "status", "reserved") == 1);
  }

  @AfterAll
  static void stopAll() throws Exception {
    try {
      all.close();
    } finally {
      test.close();
    }
  }

  static PrometheusText scrape() {
    HttpTestClient.Response metrics = api.get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    return PrometheusText.parse(metrics.body());
  }

  @Test
  @Order(1)
  void the_key_series_exist_at_zero_before_the_first_event() {
    PrometheusText metrics = scrape();

    for (String zero :
        List.of(
            "relay_events_published_total",
            "relay_publish_failures_total",
            "relay_commit_to_confirm_seconds_count",
            "relay_events_parked",
            "relay_lag_seconds",
            "relay_unroutable_messages",
            "relay_outages_total",
            "outbox_pending_events",
            "outbox_oldest_pending_age_seconds",
            "notifier_events_handled_total",
            "notifier_notifications_sent_total",
            "notifier_notifications_failed_total",
            "notifier_notifications_retried_total",
            "notifier_notifications_dead_lettered_total",
            "notifier_retries_total",
            "notifier_dead_lettered_total",
            "notifier_handler_latency_seconds_count",
            "notifier_dead_letter_messages")) {
      assertThat(metrics.find(zero)).as(zero).isNotEmpty();
      assertThat(metrics.value(zero)).as(zero).isZero();
    }
    assertThat(metrics.find("relay_slot_wal_status")).hasSize(5);
    assertThat(metrics.value("relay_active")).isEqualTo(1);
    assertThat(metrics.find("notifier_notifications_sent_total", "channel", "sms")).hasSize(1);
    assertThat(metrics.find("notifier_events_handled_total", "handler", "analytics")).hasSize(5);
    assertThat(metrics.find("relay_commit_to_confirm_seconds_bucket")).hasSizeGreaterThan(10);
    assertThat(metrics.names())
        .contains(
            "jvm_memory_used_bytes",
            "jvm_gc_memory_allocated_bytes_total",
            "jvm_threads_live_threads",
            "jvm_classes_loaded_classes",
            "process_cpu_usage",
            "jetty_threads_current",
            "hikaricp_connections_active",
            "rabbitmq_connections",
            "rabbitmq_published_total");
    assertThat(metrics.find("hikaricp_connections_max", "pool", "outbox")).hasSize(1);
    assertThat(metrics.find("rabbitmq_connections", "client", "relay")).hasSize(1);
    assertThat(metrics.find("rabbitmq_connections", "client", "notifier")).hasSize(1);
  }

  @Test
  @Order(2)
  void the_series_move_while_events_flow() {
    for (int i = 0; i < USERS; i++) {
      String email = "m-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
      assertThat(api.postJson("/users", "{\"email\":\"" + email + "\"}").status()).isEqualTo(201);
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              PrometheusText metrics = scrape();
              assertThat(metrics.value("relay_events_published_total")).isEqualTo(USERS);
              assertThat(metrics.value("relay_commit_to_confirm_seconds_count")).isEqualTo(USERS);
              assertThat(metrics.value("notifier_notifications_sent_total", "channel", "email"))
                  .isEqualTo(USERS);
              assertThat(
                      metrics.value(
                          "notifier_events_handled_total",
                          "handler",
                          "analytics",
                          "outcome",
                          "completed"))
                  .isEqualTo(USERS);
              assertThat(metrics.value("notifier_handler_latency_seconds_count"))
                  .isGreaterThanOrEqualTo(2 * USERS);
              assertThat(metrics.value("rabbitmq_published_total", "client", "relay"))
                  .isGreaterThanOrEqualTo(USERS);
              assertThat(metrics.value("rabbitmq_consumed_total", "client", "notifier"))
                  .isGreaterThanOrEqualTo(2 * USERS);
              assertThat(
                      metrics.value(
                          "http_server_requests_seconds_count",
                          "method",
                          "POST",
                          "uri",
                          "/users",
                          "status",
                          "201"))
                  .isEqualTo(USERS);
              assertThat(metrics.find("http_server_requests_seconds_bucket", "uri", "/users"))
                  .isNotEmpty();
              assertThat(metrics.value("hikaricp_connections_acquire_seconds_count")).isPositive();
            });
  }

  @Test
  @Order(3)
  void every_alert_rule_and_dashboard_query_names_only_metrics_the_roles_serve() {
    // After events flowed, so that the request and latency histograms have their series.
    Set<String> served = new TreeSet<>(scrape().names());
    served.add("up"); // Prometheus's own, per scraped target
    List<String> expressions = new ArrayList<>(MonitoringFiles.alertExpressions());
    expressions.addAll(MonitoringFiles.dashboardExpressions());

    assertThat(MonitoringFiles.alertExpressions()).hasSizeGreaterThanOrEqualTo(8);
    assertThat(MonitoringFiles.dashboardExpressions()).hasSizeGreaterThanOrEqualTo(10);
    for (String expression : expressions) {
      assertThat(PromQl.metricNames(expression)).as(expression).isNotEmpty();
      assertThat(served).as(expression).containsAll(PromQl.metricNames(expression));
    }
  }
}
