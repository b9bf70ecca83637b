package dev.outbox.relay.support;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.core.config.Migrations;
import dev.outbox.relay.config.RelayConfig;
import dev.outbox.relay.publish.AmqpConnections;
import dev.outbox.relay.publish.RabbitTopology;
import dev.outbox.testing.TestDatabase;
import dev.outbox.testing.TestServices;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

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
  private final Connection amqp;
  private final Map<String, ReceivedMessages> queues = new HashMap<>();

  public RelayEnvironment(String prefix) {
    db = TestDatabase.create(prefix);
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(db.jdbcUrl());
    hikari.setUsername(db.user());
    hikari.setPassword(db.password());
    hikari.setMaximumPoolSize(6);
    dataSource = new HikariDataSource(hikari);
    Migrations.migrate(dataSource, publication);
    try {
      amqp = AmqpConnections.factory(TestServices.amqpUri()).newConnection("relay-it");
      try (Channel ch = amqp.createChannel()) {
        RabbitTopology.declare(ch, exchange);
      }
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

  public RelayConfig config() {
    return RelayConfig.fromEnv(env());
  }

  /** A queue bound to {@code bindingKey} on the exchange, recording every message it gets. */
  public ReceivedMessages queue(String bindingKey) {
    return queues.computeIfAbsent(
        bindingKey, k -> ReceivedMessages.bind(amqp, exchange, TestDatabase.uniqueName("q"), k));
  }

  /** A channel of the test's own connection, for declaring extra test queues. */
  public Channel channel() {
    try {
      return amqp.createChannel();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Inserts one outbox row and returns its id. */
  public UUID insert(String aggregateId, String type, String payloadJson) {
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
    queues.values().forEach(ReceivedMessages::delete);
    try (Channel ch = amqp.createChannel()) {
      ch.exchangeDelete(exchange);
      ch.exchangeDelete(RabbitTopology.unroutableName(exchange));
      ch.queueDelete(RabbitTopology.unroutableName(exchange));
    } catch (Exception e) {
      throw new IllegalStateException("RabbitMQ cleanup failed", e);
    } finally {
      closeQuietly();
    }
    dataSource.close();
    db.close();
  }
}
