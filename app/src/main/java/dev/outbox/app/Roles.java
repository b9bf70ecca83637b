package dev.outbox.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.api.Api;
import dev.outbox.api.config.ApiConfig;
import dev.outbox.config.DatabaseSettings;
import dev.outbox.config.Pools;
import dev.outbox.config.health.HealthCheck;
import dev.outbox.config.tracing.Tracing;
import dev.outbox.config.tracing.TracingSettings;
import dev.outbox.notifier.Notifier;
import dev.outbox.notifier.config.NotifierConfig;
import dev.outbox.relay.Relay;
import dev.outbox.relay.config.RelayConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Starts each role over resources the caller owns (pool, registry) and prints its stage line once.
 * Used by the one-role commands and by {@code all}, which passes every role the same pool and
 * registry. Each role opens its own AMQP connection.
 */
final class Roles {

  private Roles() {}

  /** A pool whose HikariCP meters ({@code hikaricp_connections_*{pool=name}}) go to registry. */
  static HikariDataSource pool(
      RunningRoles roles,
      PrometheusMeterRegistry registry,
      DatabaseSettings database,
      String name,
      int size) {
    HikariDataSource pool = roles.add("database pool " + name, Pools.create(database, name, size));
    pool.setMetricRegistry(registry);
    return pool;
  }

  /** The process's registry, with the JVM's meters bound ({@link JvmMeters}), for every role. */
  static PrometheusMeterRegistry registry(RunningRoles roles) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    roles.add("metrics registry", registry::close);
    roles.add("jvm meters", JvmMeters.bindTo(registry));
    return registry;
  }

  /** A role's OpenTelemetry SDK, closed after the role (started after it, stopped before it). */
  static Tracing tracing(RunningRoles roles, String role, TracingSettings settings) {
    return roles.add(role + " tracing", Tracing.start(settings));
  }

  static void api(
      RunningRoles roles,
      ApiConfig config,
      DataSource pool,
      PrometheusMeterRegistry registry,
      PrintStream out,
      List<HealthCheck> otherRoles,
      TracingSettings tracing) {
    var openTelemetry = tracing(roles, "api", tracing).openTelemetry();
    Api api = roles.add("api", Api.start(config, pool, registry, otherRoles, openTelemetry));
    out.println("api listening on http://localhost:" + api.port());
  }

  static Relay relay(
      RunningRoles roles,
      RelayConfig config,
      DataSource pool,
      PrometheusMeterRegistry registry,
      PrintStream out) {
    Relay relay = roles.add("relay", Relay.start(config, pool, registry));
    out.println(
        "relay started on slot %s (publication %s, exchange %s): streams once it holds the"
                .formatted(config.slotName(), config.publication(), config.exchange())
            + " slot's lock, standby until then");
    return relay;
  }

  static Notifier notifier(
      RunningRoles roles,
      NotifierConfig config,
      DataSource pool,
      PrometheusMeterRegistry registry,
      PrintStream out,
      TracingSettings tracing)
      throws IOException, TimeoutException {
    var openTelemetry = tracing(roles, "notifier", tracing).openTelemetry();
    Notifier notifier = roles.add("notifier", new Notifier(config, pool, registry, openTelemetry));
    notifier.start();
    out.println(
        "notifier consuming %s and %s from exchange %s (email: %s, sms: %s)"
            .formatted(
                config.consumer().queue(),
                config.consumer().analyticsQueue(),
                config.exchange(),
                config.emailAdapter().name().toLowerCase(Locale.ROOT),
                config.smsAdapter().name().toLowerCase(Locale.ROOT)));
    return notifier;
  }

  /**
   * The probe server of a relay or notifier process on {@code port}, started before the role (a
   * taken port stops start-up first); null when METRICS_PORT is 0.
   */
  static ProbeServer probes(
      RunningRoles roles, int port, String role, PrometheusMeterRegistry registry, PrintStream out)
      throws IOException {
    if (port == 0) {
      out.println("probes and metrics endpoint off (METRICS_PORT=0)");
      return null;
    }
    ProbeServer server = roles.add("probes endpoint", ProbeServer.start(port, role, registry));
    out.println(
        "metrics on http://localhost:%d/metrics, probes on /health and /ready"
            .formatted(server.port()));
    return server;
  }

  /** Points {@code probes} (null: off) at the started role's readiness. */
  static void ready(ProbeServer probes, HealthCheck readiness) {
    if (probes != null) {
      probes.serve(readiness);
    }
  }
}
