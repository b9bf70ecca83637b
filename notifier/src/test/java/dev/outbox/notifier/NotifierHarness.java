package dev.outbox.notifier;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.config.AmqpConnections;
import dev.outbox.config.ConfigReader;
import dev.outbox.config.Environment;
import dev.outbox.notifier.channel.EmailSender;
import dev.outbox.notifier.channel.SmsSender;
import dev.outbox.notifier.config.NotifierConfig;
import dev.outbox.notifier.consume.QueueNames;
import dev.outbox.notifier.fakes.FakeHttpProvider;
import dev.outbox.notifier.store.DeliveryRecord;
import dev.outbox.notifier.store.JdbcDeliveries;
import dev.outbox.testing.BrokerObjects;
import dev.outbox.testing.MutableClock;
import dev.outbox.testing.TestDatabase;
import dev.outbox.testing.TestServices;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * One notifier on a test database and uniquely named exchange and queues, with SendGrid and Twilio
 * replaced by local fakes (the real adapters talk to them), a hand-moved clock and a publisher that
 * sends events the way the relay does.
 */
final class NotifierHarness implements AutoCloseable {

  static final Duration LEASE = Duration.ofSeconds(60);
  static final Duration RECONCILE_WINDOW = Duration.ofSeconds(30);

  final TestDatabase db = TestDatabase.create("notifier");
  final HikariDataSource pool = db.pool("notifier-it", 12);
  final FakeHttpProvider sendGrid = FakeHttpProvider.sendGrid();
  final FakeHttpProvider twilio = FakeHttpProvider.twilio();
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final String exchange = TestDatabase.uniqueName("events");
  final NotifierConfig config;
  final Connection connection;
  final Channel publisher;
  final Notifier notifier;
  final JdbcDeliveries deliveries;

  NotifierHarness() throws IOException, TimeoutException {
    this(true);
  }

  /** With {@code start} false no notifier consumes yet: the test starts its own instances. */
  NotifierHarness(boolean start) throws IOException, TimeoutException {
    this(start, Map.of());
  }

  /** As {@link #NotifierHarness(boolean)}, with {@code overrides} of the notifier's variables. */
  NotifierHarness(boolean start, Map<String, String> overrides)
      throws IOException, TimeoutException {
    Map<String, String> env = new HashMap<>();
    env.put("EVENT_BUS_URL", TestServices.amqpUri());
    env.put("EVENT_BUS_EXCHANGE", exchange);
    env.put("NOTIFIER_QUEUE", TestDatabase.uniqueName("notifications"));
    env.put("NOTIFIER_ANALYTICS_QUEUE", TestDatabase.uniqueName("analytics"));
    env.put("NOTIFIER_CONCURRENCY", "4");
    env.put("NOTIFIER_PREFETCH", "5");
    env.put("NOTIFIER_MAX_ATTEMPTS", "5");
    env.put("NOTIFIER_RETRY_INITIAL_DELAY_MS", "50");
    env.put("NOTIFIER_RETRY_MAX_DELAY_MS", "400");
    env.put("NOTIFIER_LEASE_MS", Long.toString(LEASE.toMillis()));
    env.put("NOTIFIER_RECONCILE_WINDOW", RECONCILE_WINDOW.toSeconds() + "s");
    env.put("NOTIFIER_SEND_TIMEOUT_MS", "5000");
    env.put("EMAIL_ADAPTER", "sendgrid");
    env.put("SENDGRID_API_KEY", "SG.test");
    env.put("SENDGRID_FROM", "noreply@example.com");
    env.put("SENDGRID_BASE_URL", sendGrid.baseUrl().toString());
    env.put("SMS_ADAPTER", "twilio");
    env.put("TWILIO_ACCOUNT_SID", "AC00000000000000000000000000000001");
    env.put("TWILIO_AUTH_TOKEN", "token");
    env.put("TWILIO_FROM", "+15005550006");
    env.put("TWILIO_BASE_URL", twilio.baseUrl().toString());
    env.put("EMAIL_VERIFICATION_SECRET", "test-secret-of-at-least-32-characters");
    env.put("PUBLIC_BASE_URL", "https://shop.example");
    env.putAll(overrides);
    config = ConfigReader.read(Environment.of(env), NotifierConfig::read);
    connection = AmqpConnections.parse(TestServices.amqpUri()).open("notifier-it");
    publisher = connection.createChannel();
    publisher.confirmSelect();
    notifier = newInstance();
    if (start) {
      notifier.start();
    }
    deliveries = new JdbcDeliveries(pool, clock, LEASE, RECONCILE_WINDOW);
  }

  /** Another notifier process on the same queues, database, providers and clock. */
  Notifier newInstance() {
    return newInstance(Senders.email(config), Senders.sms(config));
  }

  Notifier newInstance(EmailSender email, SmsSender sms) {
    return new Notifier(config, pool, meters, clock, email, sms, OpenTelemetry.noop());
  }

  String queue() {
    return config.consumer().queue();
  }

  String analyticsQueue() {
    return config.consumer().analyticsQueue();
  }

  DeadLetters deadLetters() {
    return new DeadLetters(connection, List.of(queue(), analyticsQueue()));
  }

  void publish(TestEvents event) throws Exception {
    publish(event.type(), event.id().toString(), event.body());
  }

  void publish(String routingKey, String messageId, byte[] body) throws Exception {
    AMQP.BasicProperties props =
        new AMQP.BasicProperties.Builder()
            .contentType("application/json")
            .deliveryMode(2)
            .messageId(messageId)
            .type(routingKey)
            .headers(Map.of("aggregate_type", "test"))
            .build();
    publisher.basicPublish(exchange, routingKey, true, props, body);
    publisher.waitForConfirmsOrDie(5_000);
  }

  Optional<DeliveryRecord> delivery(UUID eventId, String handler) {
    return deliveries.find(eventId, handler);
  }

  /** How many messages of {@code queue} the consumers settled with {@code outcome}. */
  double handled(String queue, String outcome) {
    return meters
        .find("notifier.events.handled")
        .tag("queue", queue)
        .tag("outcome", outcome)
        .counters()
        .stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  /** Messages of {@code queue} settled for good: sent, skipped as duplicates or dead-lettered. */
  double settled(String queue) {
    return handled(queue, "completed") + handled(queue, "duplicate") + handled(queue, "failed");
  }

  /**
   * Every queue and exchange the notifier declares on start: the event exchange with its unroutable
   * queue, and per work queue its dead-letter and delay queues. {@link #close()} deletes them.
   */
  BrokerObjects declared() {
    BrokerObjects declared = new BrokerObjects().eventExchange(exchange);
    for (String q : List.of(queue(), analyticsQueue())) {
      declared.queue(q, QueueNames.deadLetter(q));
      for (Duration delay : config.consumer().retryDelays()) {
        declared.queue(QueueNames.retry(q, delay));
      }
    }
    return declared;
  }

  @Override
  public void close() throws IOException, TimeoutException {
    notifier.close();
    declared().delete(connection);
    connection.close();
    sendGrid.close();
    twilio.close();
    pool.close();
    db.close();
  }
}
