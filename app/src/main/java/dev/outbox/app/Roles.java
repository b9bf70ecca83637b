package dev.outbox.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.api.Api;
import dev.outbox.api.config.ApiConfig;
import dev.outbox.config.DatabaseSettings;
import dev.outbox.config.Pools;
import dev.outbox.notifier.Notifier;
import dev.outbox.notifier.config.NotifierConfig;
import dev.outbox.relay.Relay;
import dev.outbox.relay.config.RelayConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
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

  static void api(
      RunningRoles roles,
      ApiConfig config,
      DataSource pool,
      PrometheusMeterRegistry registry,
      PrintStream out) {
    Api api = roles.add("api", Api.start(config, pool, registry));
    out.println("api listening on http://localhost:" + api.port());
  }

  static void relay(
      RunningRoles roles,
      RelayConfig config,
      DataSource pool,
      PrometheusMeterRegistry registry,
      PrintStream out) {
    roles.add("relay", Relay.start(config, pool, registry));
    out.println(
        "relay started on slot %s (publication %s, exchange %s): streams once it holds the"
                .formatted(config.slotName(), config.publication(), config.exchange())
            + " slot's lock, standby until then");
  }

  static void notifier(
      RunningRoles roles,
      NotifierConfig config,
      DataSource pool,
      PrometheusMeterRegistry registry,
      PrintStream out)
      throws IOException, TimeoutException {
    Notifier notifier = roles.add("notifier", new Notifier(config, pool, registry));
    notifier.start();
    out.println(
        "notifier consuming %s and %s from exchange %s (email: %s, sms: %s)"
            .formatted(
                config.consumer().queue(),
                config.consumer().analyticsQueue(),
                config.exchange(),
                config.emailAdapter().name().toLowerCase(Locale.ROOT),
                config.smsAdapter().name().toLowerCase(Locale.ROOT)));
  }

  static void metrics(
      RunningRoles roles, int port, PrometheusMeterRegistry registry, PrintStream out)
      throws IOException {
    if (port == 0) {
      out.println("metrics endpoint off (METRICS_PORT=0)");
      return;
    }
    MetricsServer server = roles.add("metrics endpoint", MetricsServer.start(port, registry));
    out.println("metrics on http://localhost:" + server.port() + "/metrics");
  }
}
