package dev.outbox.notifier;

import com.rabbitmq.client.Connection;
import dev.outbox.notifier.analytics.UpdateAnalytics;
import dev.outbox.notifier.channel.EmailSender;
import dev.outbox.notifier.channel.SmsSender;
import dev.outbox.notifier.config.NotifierConfig;
import dev.outbox.notifier.consume.RabbitMqConsumer;
import dev.outbox.notifier.dispatch.NotificationDispatcher;
import dev.outbox.notifier.dispatch.NotificationTemplates;
import dev.outbox.notifier.dispatch.Notifications;
import dev.outbox.notifier.dispatch.VerificationToken;
import dev.outbox.notifier.store.JdbcAnalyticsStore;
import dev.outbox.notifier.store.JdbcDeliveries;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier role, reusable inside another process (the app's {@code all} command): {@link
 * #start()} migrates the notifier's tables and starts two consumers, the notifications and the
 * analytics, each on its own queue; {@link #close()} stops consuming, lets messages in work settle
 * (or hands them back to the broker) and closes the AMQP connection. The caller owns the {@link
 * DataSource} and the {@link MeterRegistry} and closes them afterwards.
 */
public final class Notifier implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Notifier.class);
  private static final Duration GRACE = Duration.ofSeconds(30);

  private final NotifierConfig config;
  private final DataSource dataSource;
  private final MeterRegistry meters;
  private final Clock clock;
  private final EmailSender email;
  private final SmsSender sms;
  private final List<RabbitMqConsumer> consumers =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private ExecutorService executor;
  private volatile Connection connection;

  /**
   * The connections the notifier needs: one per consumer channel of both queues, plus headroom for
   * claims and outcomes recorded in parallel.
   */
  public static int poolSize(NotifierConfig config) {
    return config.consumer().concurrency() * 2 + 2;
  }

  public Notifier(NotifierConfig config, DataSource dataSource, MeterRegistry meters) {
    this(config, dataSource, meters, Clock.systemUTC(), Senders.email(config), Senders.sms(config));
  }

  Notifier(
      NotifierConfig config,
      DataSource dataSource,
      MeterRegistry meters,
      Clock clock,
      EmailSender email,
      SmsSender sms) {
    this.config = config;
    this.dataSource = dataSource;
    this.meters = meters;
    this.clock = clock;
    this.email = email;
    this.sms = sms;
  }

  /** Migrates, connects and starts consuming; returns at once. */
  public synchronized void start() throws IOException, TimeoutException {
    NotifierMigrations.migrate(dataSource);
    var settings = config.consumer();
    var dispatcher =
        new NotificationDispatcher(
            new Notifications(
                    new VerificationToken(config.verificationSecret()),
                    config.publicBaseUrl(),
                    clock)
                .all(),
            new JdbcDeliveries(dataSource, clock, settings.lease()),
            new NotificationTemplates(),
            email,
            sms,
            meters);
    var analytics = new UpdateAnalytics(new JdbcAnalyticsStore(dataSource, clock));
    connection = connect(settings.concurrency() * 2);
    consumers.add(
        new RabbitMqConsumer(
            connection, config.exchange(), settings.queue(), dispatcher, settings, meters, clock));
    consumers.add(
        new RabbitMqConsumer(
            connection,
            config.exchange(),
            settings.analyticsQueue(),
            analytics,
            settings,
            meters,
            clock));
    for (RabbitMqConsumer consumer : consumers) {
      consumer.start();
    }
    log.info("Notifier started: email via {}, SMS via {}", email.provider(), sms.provider());
  }

  private Connection connect(int threads) throws IOException, TimeoutException {
    AtomicInteger n = new AtomicInteger();
    executor =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "notifier-consumer-" + n.incrementAndGet());
              t.setDaemon(false);
              return t;
            });
    var connections = config.bus().connections();
    return connections.open(connections.newFactory(), executor, "outbox-notifier");
  }

  /** True while started and connected to the broker (for a readiness check). */
  public boolean isRunning() {
    Connection current = connection;
    return current != null && current.isOpen() && !consumers.isEmpty();
  }

  @Override
  public synchronized void close() {
    consumers.forEach(consumer -> consumer.stop(GRACE));
    consumers.clear();
    try {
      if (connection != null && connection.isOpen()) {
        connection.close();
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Closing the AMQP connection failed", e);
    }
    if (executor != null) {
      executor.shutdown();
    }
    closeQuietly(email);
    closeQuietly(sms);
    log.info("Notifier stopped");
  }

  private static void closeQuietly(Object sender) {
    if (sender instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        log.warn("Closing {} failed", sender.getClass().getSimpleName(), e);
      }
    }
  }
}
