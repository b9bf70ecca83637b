package dev.outbox.notifier;

import com.rabbitmq.client.impl.MicrometerMetricsCollector;
import dev.outbox.config.health.Check;
import dev.outbox.config.health.HealthCheck;
import dev.outbox.notifier.analytics.UpdateAnalytics;
import dev.outbox.notifier.channel.EmailSender;
import dev.outbox.notifier.channel.SmsSender;
import dev.outbox.notifier.config.ConsumerSettings;
import dev.outbox.notifier.config.NotifierConfig;
import dev.outbox.notifier.consume.BrokerConnection;
import dev.outbox.notifier.consume.DeadLetterMonitor;
import dev.outbox.notifier.consume.RabbitMqConsumer;
import dev.outbox.notifier.dispatch.NotificationDispatcher;
import dev.outbox.notifier.dispatch.NotificationTemplates;
import dev.outbox.notifier.dispatch.Notifications;
import dev.outbox.notifier.dispatch.VerificationToken;
import dev.outbox.notifier.event.EventHandler;
import dev.outbox.notifier.store.JdbcAnalyticsStore;
import dev.outbox.notifier.store.JdbcDeliveries;
import dev.outbox.notifier.store.PatientRecords;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier role's composition root, used by the app's {@code notifier} and {@code all}
 * commands, the benchmark and the tests: {@link #start()} migrates the notifier's tables, wires the
 * handlers to their senders and stores, and starts two consumers, the notifications and the
 * analytics, each on its own queue; {@link #close()} stops consuming, lets messages in work settle
 * (or hands them back to the broker) and closes the AMQP connection and the senders. The caller
 * owns the {@link DataSource} (sized by {@link #poolSize}) and the {@link MeterRegistry} and closes
 * them afterwards.
 */
public final class Notifier implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Notifier.class);

  /**
   * How long {@link #close()} lets each consumer's messages in work settle; the consumers stop one
   * after the other, so a close takes up to this times the number of queues (two).
   */
  public static final Duration CONSUMER_GRACE = Duration.ofSeconds(30);

  private final NotifierConfig config;
  private final DataSource dataSource;
  private final MeterRegistry meters;
  private final Clock clock;
  private final EmailSender email;
  private final SmsSender sms;
  private final Tracer tracer;
  private final List<RabbitMqConsumer> consumers = new CopyOnWriteArrayList<>();
  private volatile BrokerConnection broker;
  private ScheduledExecutorService monitor;

  /**
   * The connections the notifier needs: one per consumer channel of both queues, plus headroom for
   * claims and outcomes recorded in parallel.
   */
  public static int poolSize(NotifierConfig config) {
    return config.consumer().concurrency() * 2 + 2;
  }

  /** How often the dead-letter queues' depths are sampled into their gauges. */
  static final int SAMPLE_SECONDS = 15;

  /** Without tracing: a message's traceparent is still continued in the MDC, as it came. */
  public Notifier(NotifierConfig config, DataSource dataSource, MeterRegistry meters) {
    this(config, dataSource, meters, OpenTelemetry.noop());
  }

  /**
   * Handling each message in a CONSUMER span of {@code openTelemetry} (the caller's, closed by the
   * caller after {@link #close()}) that continues the message's traceparent.
   */
  public Notifier(
      NotifierConfig config,
      DataSource dataSource,
      MeterRegistry meters,
      OpenTelemetry openTelemetry) {
    this(
        config,
        dataSource,
        meters,
        Clock.systemUTC(),
        Senders.email(config),
        Senders.sms(config),
        openTelemetry);
  }

  /** With the clock and the senders given (tests: a hand-moved clock, fake providers). */
  Notifier(
      NotifierConfig config,
      DataSource dataSource,
      MeterRegistry meters,
      Clock clock,
      EmailSender email,
      SmsSender sms,
      OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("dev.outbox.notifier");
    // The AMQP client's own meters, told apart from the relay's in `all` by the client tag.
    this.config =
        config.withBus(
            config
                .bus()
                .metered(
                    new MicrometerMetricsCollector(
                        meters, "rabbitmq", Tags.of("client", "notifier"))));
    this.dataSource = dataSource;
    this.meters = meters;
    this.clock = clock;
    this.email = email;
    this.sms = sms;
  }

  /** Migrates, connects and starts consuming; returns at once. */
  public synchronized void start() throws IOException, TimeoutException {
    NotifierMigrations.migrate(dataSource);
    ConsumerSettings settings = config.consumer();
    EventHandler notifications =
        new NotificationDispatcher(
            new Notifications(
                    new VerificationToken(config.verificationSecret()),
                    config.publicBaseUrl(),
                    clock)
                .all(),
            new PatientRecords(
                new JdbcDeliveries(dataSource, clock, settings.lease(), settings.reconcileWindow()),
                settings.lease()),
            new NotificationTemplates(),
            email,
            sms,
            meters);
    EventHandler analytics = new UpdateAnalytics(new JdbcAnalyticsStore(dataSource, clock));
    broker =
        BrokerConnection.open(
            config.bus().connections(), settings.concurrency() * 2, "outbox-notifier");
    consumers.add(consumer(settings.queue(), notifications));
    consumers.add(consumer(settings.analyticsQueue(), analytics));
    for (RabbitMqConsumer consumer : consumers) {
      consumer.start();
    }
    monitor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "notifier-monitor"));
    monitor.scheduleWithFixedDelay(
        new DeadLetterMonitor(
            broker.connection(), List.of(settings.queue(), settings.analyticsQueue()), meters),
        0,
        SAMPLE_SECONDS,
        TimeUnit.SECONDS);
    log.info("Notifier started: email via {}, SMS via {}", email.provider(), sms.provider());
  }

  private RabbitMqConsumer consumer(String queue, EventHandler handler) {
    return new RabbitMqConsumer(
        broker.connection(),
        config.exchange(),
        queue,
        handler,
        config.consumer(),
        meters,
        clock,
        tracer);
  }

  /**
   * Readiness, named {@code notifier}: connected, and every queue's consumers attached (their
   * channels open; after a broker outage the client attaches them again).
   */
  public HealthCheck readiness() {
    return HealthCheck.of("notifier", this::readinessCheck);
  }

  private Check readinessCheck() {
    boolean connected = isRunning();
    Map<String, String> queues = new LinkedHashMap<>();
    boolean attached = !consumers.isEmpty();
    for (RabbitMqConsumer consumer : consumers) {
      queues.put(consumer.queue(), consumer.isAttached() ? "attached" : "detached");
      attached &= consumer.isAttached();
    }
    return Check.of(
        connected && attached,
        "broker",
        connected ? "connected" : "disconnected",
        "consumers",
        queues);
  }

  /** True while started and connected to the broker (for a readiness check). */
  public boolean isRunning() {
    BrokerConnection current = broker;
    return current != null && current.isOpen() && !consumers.isEmpty();
  }

  /** Stops in the reverse order of {@link #start()}. */
  @Override
  public synchronized void close() {
    if (monitor != null) {
      monitor.shutdownNow();
    }
    consumers.forEach(consumer -> consumer.stop(CONSUMER_GRACE));
    consumers.clear();
    if (broker != null) {
      broker.close();
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
