package dev.outbox.app;

import java.util.Map;

/**
 * Where a relay or notifier process serves Prometheus metrics: {@code METRICS_PORT} (default
 * {@value #DEFAULT_PORT}; {@code 0} turns the endpoint off). The api serves {@code /metrics} on
 * HTTP_PORT itself, and so does {@code all}, whose roles share one registry.
 */
record MetricsConfig(int port) {

  static final int DEFAULT_PORT = 9464;

  MetricsConfig {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("METRICS_PORT must be between 0 and 65535, got " + port);
    }
  }

  static MetricsConfig fromEnv(Map<String, String> env) {
    String value = env.get("METRICS_PORT");
    if (value == null || value.isBlank()) {
      return new MetricsConfig(DEFAULT_PORT);
    }
    try {
      return new MetricsConfig(Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("METRICS_PORT must be a number, got " + value, e);
    }
  }

  boolean enabled() {
    return port != 0;
  }
}
