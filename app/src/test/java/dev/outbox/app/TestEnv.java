package dev.outbox.app;

import com.rabbitmq.client.Connection;
import dev.outbox.config.AmqpConnections;
import dev.outbox.config.Environment;
import dev.outbox.notifier.config.NotifierConfig;
import dev.outbox.notifier.consume.QueueNames;
import dev.outbox.testing.BrokerObjects;
import dev.outbox.testing.TestDatabase;
import dev.outbox.testing.TestServices;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment of one test: its own database, and unique slot, exchange and queue names on the
 * shared broker, which {@link #close()} deletes again (with the database).
 */
final class TestEnv implements AutoCloseable {

  static final String SECRET = "an-it-secret-that-is-longer-than-32-characters";

  final TestDatabase db;
  final String slot = TestDatabase.uniqueName("app_slot");
  final String exchange = TestDatabase.uniqueName("app_events");
  final String queue = TestDatabase.uniqueName("app_notifications");
  final String analyticsQueue = TestDatabase.uniqueName("app_analytics");

  TestEnv(String prefix) {
    this.db = TestDatabase.create(prefix);
  }

  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", db.jdbcUrl());
    env.put("DATABASE_USER", db.user());
    env.put("DATABASE_PASSWORD", db.password());
    env.put("EVENT_BUS_URL", TestServices.amqpUri());
    env.put("EVENT_BUS_EXCHANGE", exchange);
    env.put("CDC_SLOT_NAME", slot);
    env.put("NOTIFIER_QUEUE", queue);
    env.put("NOTIFIER_ANALYTICS_QUEUE", analyticsQueue);
    env.put("NOTIFIER_CONCURRENCY", "1");
    env.put("HTTP_PORT", "0");
    env.put("METRICS_PORT", "0");
    return env;
  }

  Map<String, String> env(String... pairs) {
    Map<String, String> env = env();
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return Map.copyOf(env);
  }

  Connection broker() throws Exception {
    return AmqpConnections.parse(TestServices.amqpUri()).open("app-test");
  }

  /**
   * Everything the roles declare on the broker for this test: the event exchange with its
   * unroutable queue, and the notifier's work, delay, dead-letter and parking queues.
   */
  BrokerObjects declared() {
    NotifierConfig config = new Settings(Environment.of(env())).notifierQueues();
    BrokerObjects declared = new BrokerObjects().eventExchange(exchange);
    for (String q : List.of(queue, analyticsQueue)) {
      declared.queue(q, QueueNames.deadLetter(q), QueueNames.parked(q));
      for (Duration delay : config.consumer().retryDelays()) {
        declared.queue(QueueNames.retry(q, delay));
      }
    }
    return declared;
  }

  @Override
  public void close() throws Exception {
    try (Connection connection = broker()) {
      declared().delete(connection);
    } finally {
      db.close();
    }
  }
}
