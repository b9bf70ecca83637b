package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and the dashboard as files: promtool (Debian's prometheus package, installed by
 * scripts/test-tools) accepts the rules, every panel queries the provisioned data source, and the
 * compose file mounts both. That their metrics exist is {@link MetricsIT}'s to check.
 */
class MonitoringFilesTest {

  @Test
  void promtool_accepts_every_alert_rule() throws Exception {
    Process check =
        new ProcessBuilder("promtool", "check", "rules", MonitoringFiles.ALERTS)
            .directory(Repository.root().toFile())
            .redirectErrorStream(true)
            .start();
    assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(check.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("SUCCESS: " + MonitoringFiles.alertExpressions().size() + " rules found");
  }

  @Test
  void the_rules_cover_what_operators_alert_on() {
    assertThat(Repository.read(MonitoringFiles.ALERTS))
        .contains(
            "alert: OutboxNoActiveRelay",
            "alert: OutboxMoreThanOneActiveRelay",
            "alert: OutboxOldestPendingEventTooOld",
            "alert: OutboxRetainedWalHigh",
            "alert: OutboxSlotWalStatusNotReserved",
            "alert: OutboxParkedEvents",
            "alert: NotifierDeadLetterQueueGrowing",
            "alert: NotifierRetryRateHigh");
  }

  @Test
  void every_dashboard_panel_queries_the_provisioned_prometheus() {
    String datasources = Repository.read("docker/grafana/provisioning/datasources/prometheus.yml");
    List<String> titles = new ArrayList<>();
    for (JsonNode panel : MonitoringFiles.dashboard().path("panels")) {
      if (panel.path("type").asText().equals("row")) {
        continue;
      }
      titles.add(panel.path("title").asText());
      assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
      assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("prometheus");
    }
    assertThat(datasources).contains("uid: prometheus", "url: http://prometheus:9090");
    assertThat(titles)
        .contains(
            "Processes up",
            "Commit to confirm (relay)",
            "Relay lag",
            "Outbox backlog",
            "Retained WAL",
            "Failures",
            "Dead letters and unroutable");
  }

  @Test
  void compose_runs_prometheus_with_the_rules_and_grafana_with_the_dashboard()
      throws IOException, InterruptedException {
    Map<String, ComposeFile.Service> services =
        ComposeFile.services(ComposeFile.config("docker/compose.yaml"));
    String compose = Repository.read("docker/compose.yaml");

    assertThat(services).containsKeys("prometheus", "grafana");
    assertThat(compose)
        .contains("./prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro")
        .contains("./grafana/provisioning:/etc/grafana/provisioning:ro")
        .contains("./grafana/dashboards:/var/lib/grafana/dashboards:ro");
    assertThat(Repository.read("docker/prometheus.yml")).contains("- /etc/prometheus/alerts.yml");
    assertThat(Repository.read("docker/grafana/provisioning/dashboards/outbox.yml"))
        .contains("path: /var/lib/grafana/dashboards");
  }
}
