package dev.outbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.api.config.ApiConfig;
import dev.outbox.core.config.DataSources;
import dev.outbox.core.config.DatabaseConfig;
import dev.outbox.core.config.Migrations;
import dev.outbox.json.Json;
import dev.outbox.testing.TestDatabase;
import dev.outbox.testing.TestServices;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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

  /** One outbox row. */
  public record OutboxRow(
      String aggregateType, String aggregateId, String eventType, JsonNode payload) {}

  private final TestDatabase db;
  private final HikariDataSource pool;
  private final Api api;
  private final HttpTestClient http;

  private RunningApi(String prefix, Map<String, String> extraEnv) {
    this.db = TestDatabase.create(prefix);
    DatabaseConfig database =
        new DatabaseConfig(db.jdbcUrl(), db.user(), db.password(), "outbox_publication");
    this.pool = DataSources.pool(database, prefix, 12);
    Migrations.migrate(pool, database.publication());
    Map<String, String> env = new HashMap<>();
    env.put("HTTP_PORT", "0");
    env.put("EMAIL_VERIFICATION_SECRET", SECRET);
    env.put("EVENT_BUS_URL", TestServices.amqpUri());
    env.put("DATABASE_URL", db.jdbcUrl());
    env.putAll(extraEnv);
    this.api =
        Api.start(
            ApiConfig.fromEnv(env), pool, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
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
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public long outboxCount() {
    return count("select count(*) from outbox_events");
  }

  /** The outbox rows of one aggregate, in the order they were written. */
  public List<OutboxRow> outbox(String aggregateId) {
    List<OutboxRow> rows = new ArrayList<>();
    try (Connection c = pool.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select aggregate_type, aggregate_id::text, event_type, payload::text"
                    + " from outbox_events where aggregate_id = ?::uuid order by created_at, id")) {
      s.setString(1, aggregateId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new OutboxRow(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  Json.mapper().readTree(rs.getString(4))));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  public void execute(String sql) {
    try (Connection c = pool.getConnection();
        var s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @Override
  public void close() {
    try {
      api.close();
    } finally {
      pool.close();
      db.close();
    }
  }
}
