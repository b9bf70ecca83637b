package dev.outbox.relay.support;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.config.AmqpConnections;
import dev.outbox.config.ConfigReader;
import dev.outbox.config.Environment;
import dev.outbox.config.EventExchange;
import dev.outbox.core.config.Migrations;
import dev.outbox.relay.config.RelayConfig;
import dev.outbox.testing.BrokerObjects;
import dev.outbox.testing.OutboxRows;
import dev.outbox.testing.Rows;
import dev.outbox.testing.TestDatabase;
import dev.outbox.testing.TestServices;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What one relay IT class needs: its own database (core's migrations applied), a unique slot,
 * publication and exchange, a pool, and a queue bound to every routing key that records what
 * arrives. {@link #close()} drops all of it.
 */
public final class RelayEnvironment implements AutoCloseable {

  public final TestDatabase db;
  public final String slot = TestDatabase.uniqueName("slot");
  public final String publication = TestDatabase.uniqueName("pub");
  public final String exchange = TestDatabase.uniqueName("events");
  public final HikariDataSource dataSource;
  public final Rows rows;
  public final OutboxRows outbox;
  private final Connection amqp;
  private final Map<String, ReceivedMessages> queues = new HashMap<>();
  private final BrokerObjects declared = new BrokerObjects().eventExchange(exchange);

  public RelayEnvironment(String prefix) {
    db = TestDatabase.create(prefix);
    dataSource = db.pool("relay-it", 6);
    rows = new Rows(dataSource);
    outbox = new OutboxRows(dataSource);
    Migrations.migrate(dataSource, publication);
    try {
      amqp = AmqpConnections.parse(TestServices.amqpUri()).open("relay-it");
      EventExchange.declare(amqp, exchange);
    } catch (Exception e) {
      throw new IllegalStateException("RabbitMQ setup failed", e);
    }
  }

  /** The relay's environment variables for this class's database, slot and exchange. */
  public Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", db.jdbcUrl());
    env.put("DATABASE_USER", db.user());
    env.put("DATABASE_PASSWORD", db.password());
    env.put("EVENT_BUS_URL", TestServices.amqpUri());
    env.put("EVENT_BUS_EXCHANGE", exchange);
    env.put("CDC_SLOT_NAME", slot);
    env.put("CDC_PUBLICATION", publication);
    env.put("CDC_HEARTBEAT_INTERVAL", "500ms");
    env.put("OUTBOX_MAX_RETRIES", "3");
    return env;
  }

  /** The relay's configuration read from {@link #env()}. */
  public RelayConfig config() {
    return config(env());
  }

  /** The relay's configuration read from {@code variables}, as a relay process reads its own. */
  public static RelayConfig config(Map<String, String> variables) {
    return ConfigReader.read(Environment.of(variables), RelayConfig::read);
  }

  /** A queue bound to {@code bindingKey} on the exchange, recording every message it gets. */
  public ReceivedMessages queue(String bindingKey) {
    return queues.computeIfAbsent(
        bindingKey,
        k -> {
          String name = TestDatabase.uniqueName("q");
          declared.queue(name);
          return ReceivedMessages.bind(amqp, exchange, name, k);
        });
  }

  /** Everything on the broker that {@link #close()} deletes: register a test's own queues here. */
  public BrokerObjects declared() {
    return declared;
  }

  /**
   * A channel of the test's own connection, for declaring extra test queues (registered with {@link
   * #declared()}, so that a failing test leaves none behind).
   */
  public Channel channel() {
    try {
      return amqp.createChannel();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the test saw when a wait timed out: rows, slot, and the relay's threads. */
  public void describe(String what, ReceivedMessages received, String typePrefix) {
    StringBuilder out = new StringBuilder("=== " + what + " timed out\n");
    out.append("received distinct=")
        .append(received.distinct(typePrefix))
        .append(" total=")
        .append(received.count(typePrefix))
        .append('\n');
    try (java.sql.Connection c = dataSource.getConnection();
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs =
            s.executeQuery(
                "SELECT (SELECT count(*) FROM outbox_events WHERE published_at IS NULL),"
                    + " (SELECT count(*) FROM outbox_events WHERE parked_at IS NOT NULL),"
                    + " (SELECT count(*) FROM outbox_events),"
                    + " (SELECT confirmed_flush_lsn::text || ' pid ' || COALESCE(active_pid, 0)"
                    + " FROM pg_replication_slots WHERE slot_name = '"
                    + slot
                    + "'), pg_current_wal_lsn()::text")) {
      rs.next();
      out.append("unpublished=")
          .append(rs.getLong(1))
          .append(" parked=")
          .append(rs.getLong(2))
          .append(" rows=")
          .append(rs.getLong(3))
          .append(" slot=")
          .append(rs.getString(4))
          .append(" wal=")
          .append(rs.getString(5))
          .append('\n');
    } catch (SQLException e) {
      out.append("database: ").append(e).append('\n');
    }
    try (java.sql.Connection c = dataSource.getConnection();
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs =
            s.executeQuery(
                "SELECT id, event_type, created_at, retry_count, last_error, xmin::text"
                    + " FROM outbox_events WHERE published_at IS NULL ORDER BY created_at LIMIT 5")) {
      while (rs.next()) {
        UUID id = rs.getObject(1, UUID.class);
        out.append("unpublished ")
            .append(id)
            .append(' ')
            .append(rs.getString(2))
            .append(" created ")
            .append(rs.getString(3))
            .append(" retries ")
            .append(rs.getInt(4))
            .append(" error ")
            .append(rs.getString(5))
            .append(" xmin ")
            .append(rs.getString(6))
            .append(" received ")
            .append(
                received.all().stream()
                    .filter(r -> r.id().equals(id))
                    .map(r -> r.header("lsn"))
                    .toList())
            .append('\n');
      }
    } catch (SQLException e) {
      out.append("database: ").append(e).append('\n');
    }
    Thread.getAllStackTraces()
        .forEach(
            (t, stack) -> {
              if (t.getName().startsWith("relay")
                  || t.getName().startsWith("debezium")
                  || t.getName().startsWith("pool-")) {
                out.append(t.getName()).append(' ').append(t.getState()).append('\n');
                for (int i = 0; i < Math.min(stack.length, 14); i++) {
                  out.append("    at ").append(stack[i]).append('\n');
                }
              }
            });
    System.out.println(out);
  }

  /** Inserts one outbox row and returns its id. */
  public UUID insert(String aggregateId, String type, String payloadJson) {
    return insert(dataSource, aggregateId, type, payloadJson);
  }

  /** Inserts one outbox row through {@code dataSource} (a database of the test's own). */
  public static UUID insert(
      DataSource dataSource, String aggregateId, String type, String payloadJson) {
    UUID id = UUID.randomUUID();
    try (java.sql.Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO outbox_events (id, aggregate_type, aggregate_id, event_type, payload)"
                    + " VALUES (?, ?, ?::uuid, ?, ?::jsonb)")) {
      ps.setObject(1, id);
      ps.setString(2, type.substring(0, type.indexOf('.')));
      ps.setString(3, aggregateId);
      ps.setString(4, type);
      ps.setString(5, payloadJson);
      ps.executeUpdate();
      return id;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void closeQuietly() {
    try {
      amqp.close();
    } catch (java.io.IOException | com.rabbitmq.client.AlreadyClosedException e) {
      // the broker side is gone already; nothing left to release
    }
  }

  @Override
  public void close() {
    queues.values().forEach(ReceivedMessages::stop);
    try {
      declared.delete(amqp);
    } catch (Exception e) {
      throw new IllegalStateException("RabbitMQ cleanup failed", e);
    } finally {
      closeQuietly();
    }
    dataSource.close();
    db.close();
  }
}
