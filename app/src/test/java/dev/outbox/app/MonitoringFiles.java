package dev.outbox.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PromQL of docker/prometheus/alerts.yml and of the provisioned Grafana dashboard. */
final class MonitoringFiles {

  static final String ALERTS = "docker/prometheus/alerts.yml";
  static final String DASHBOARD = "docker/grafana/dashboards/outbox.json";

  // Every rule of the file writes its expression on the one line after "expr:".
  private static final Pattern EXPR = Pattern.compile("(?m)^\\s*expr:\\s*(.+)$");

  private MonitoringFiles() {}

  static List<String> alertExpressions() {
    List<String> expressions = new ArrayList<>();
    Matcher m = EXPR.matcher(Repository.read(ALERTS));
    while (m.find()) {
      expressions.add(m.group(1).trim());
    }
    return expressions;
  }

  static JsonNode dashboard() {
    try {
      return new ObjectMapper().readTree(Repository.read(DASHBOARD));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> dashboardExpressions() {
    List<String> expressions = new ArrayList<>();
    for (JsonNode panel : dashboard().path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        expressions.add(target.path("expr").asText());
      }
    }
    return expressions;
  }
}
