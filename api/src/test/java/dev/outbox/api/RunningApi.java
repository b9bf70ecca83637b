package dev.outbox.api;

import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.api.config.ApiConfig;
import dev.outbox.config.ConfigReader;
import dev.outbox.config.Environment;
import dev.outbox.config.tracing.Tracing;
import dev.outbox.config.tracing.TracingSettings;
import dev.outbox.core.config.Migrations;
import dev.outbox.testing.HttpTestClient;
import dev.outbox.testing.OutboxRows;
import dev.outbox.testing.Rows;
import dev.outbox.testing.TestDatabase;
import dev.outbox.testing.TestServices;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The api running for one test class: its own database, migrated; the real broker for /ready; a
 * random port. Close it in {@code @AfterAll}.
 */
public final class RunningApi implements AutoCloseable {

  public static final String SECRET = "test-secret-test-secret-test-secret";
  public static final String ADMIN_TOKEN = "admin-token-for-tests-0123456789";

  private final TestDatabase db;
  private final HikariDataSource pool;
  private final Rows rows;
  private final OutboxRows outbox;
  private final Tracing tracing;
  private final Api api;
  private final HttpTestClient http;

  private RunningApi(String prefix, Map<String, String> extraEnv) {
    this.db = TestDatabase.create(prefix);
    this.pool = db.pool(prefix, 12);
    this.rows = new Rows(pool);
    this.outbox = new OutboxRows(pool);
    Map<String, String> env = new HashMap<>();
    env.put("HTTP_PORT", "0");
    env.put("EMAIL_VERIFICATION_SECRET", SECRET);
    env.put("EVENT_BUS_URL", TestServices.amqpUri());
    env.put("DATABASE_URL", db.jdbcUrl());
    env.putAll(extraEnv);
    ApiConfig config = ConfigReader.read(Environment.of(env), ApiConfig::read);
    Migrations.migrate(pool, config.replication().publication());
    this.tracing =
        Tracing.start(
            ConfigReader.read(Environment.of(env), c -> TracingSettings.read(c, "outbox-api")));
    this.api =
        Api.start(
            config,
            pool,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            List.of(),
            tracing.openTelemetry());
    this.http = new HttpTestClient(api.port());
  }

  /** With admin routes enabled (ADMIN_TOKEN set to {@link #ADMIN_TOKEN}). */
  public static RunningApi start(String prefix) {
    return new RunningApi(prefix, Map.of("ADMIN_TOKEN", ADMIN_TOKEN));
  }

  public static RunningApi start(String prefix, Map<String, String> env) {
    return new RunningApi(prefix, env);
  }

  public HttpTestClient http() {
    return http;
  }

  public Api api() {
    return api;
  }

  public HikariDataSource pool() {
    return pool;
  }

  public long count(String sql, Object... args) {
    return rows.count(sql, args);
  }

  public long outboxCount() {
    return outbox.count();
  }

  /** A text column of the one row {@code sql} selects. */
  public String text(String sql, Object... args) {
    return rows.text(sql, args);
  }

  /** The outbox rows of one aggregate, in the order they were written. */
  public List<OutboxRows.Row> outbox(String aggregateId) {
    return outbox.of(aggregateId);
  }

  public void execute(String sql) {
    rows.execute(sql);
  }

  @Override
  public void close() {
    try {
      api.close();
    } finally {
      tracing.close();
      pool.close();
      db.close();
    }
  }
}
