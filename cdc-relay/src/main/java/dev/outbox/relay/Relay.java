package dev.outbox.relay;

import dev.outbox.config.Outage;
import dev.outbox.config.health.HealthCheck;
import dev.outbox.relay.capture.OutboxCapture;
import dev.outbox.relay.capture.ParkedEvents;
import dev.outbox.relay.capture.RowRepublisher;
import dev.outbox.relay.config.RelayConfig;
import dev.outbox.relay.config.RelayMigrations;
import dev.outbox.relay.metrics.RelayMetrics;
import dev.outbox.relay.metrics.SlotMonitor;
import dev.outbox.relay.metrics.UnroutableMonitor;
import dev.outbox.relay.model.SlotLoss;
import dev.outbox.relay.publish.BrokerMeters;
import dev.outbox.relay.publish.BrokerWatch;
import dev.outbox.relay.publish.UnroutableDepth;
import dev.outbox.relay.replay.ReplayService;
import dev.outbox.relay.standby.LeaderElection;
import dev.outbox.relay.standby.LeaderLock;
import dev.outbox.relay.store.Retention;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The relay role's composition root. It wires, top to bottom: the {@link LeaderElection} on the
 * slot's advisory lock (a standby waits there), whose term is the {@link CaptureSupervisor} (the
 * capture while the lock is held, restarted with backoff, stopped for the WAL replays the {@link
 * ReplayService} hands it), and three jobs, the {@link SlotMonitor}, the {@link UnroutableMonitor}
 * (on a broker connection of its own) and the {@link RetentionJob}, and the {@link BrokerWatch},
 * which connects at start (declaring the exchange) and after an outage, sharing the relay's one
 * broker {@link Outage} with the capture's publisher. Used by the {@code relay} and {@code all}
 * commands, the benchmark and the tests.
 */
public final class Relay implements AutoCloseable {

  /**
   * The size of the pool to give {@link #start}: the capture's publish marks and replay checks,
   * replay requests, retention and slot samples share it (the engine, its offset store and the lock
   * hold connections of their own).
   */
  public static final int POOL_SIZE = 4;

  /** How often the slot and the outbox backlog are sampled into gauges (one query each). */
  static final int SAMPLE_SECONDS = 5;

  private final RelayConfig config;
  private final DataSource dataSource;
  private final RelayMetrics metrics;
  private final CaptureSupervisor supervisor;
  private final LeaderElection election;
  private final ScheduledExecutorService jobs;
  private final UnroutableDepth unroutable;
  private final BrokerWatch broker;

  private Relay(RelayConfig config, DataSource dataSource, MeterRegistry registry) {
    this.config = config;
    this.dataSource = dataSource;
    this.metrics = new RelayMetrics(registry, config.slotName());
    Outage brokerOutage = new Outage("RabbitMQ (relay)");
    this.broker =
        new BrokerWatch(
            config.bus().connections(),
            config.exchange(),
            brokerOutage,
            () -> metrics.outage("rabbitmq"));
    this.supervisor =
        new CaptureSupervisor(
            config.slotName(),
            replay -> OutboxCapture.start(config, dataSource, metrics, replay, brokerOutage),
            replayService(config, dataSource, metrics),
            metrics);
    this.election =
        new LeaderElection(
            new LeaderLock(config.database(), config.slotName()), config.slotName(), supervisor);
    this.jobs =
        Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "relay-monitor-" + config.slotName()));
    this.unroutable = new UnroutableDepth(config.bus().connections(), config.exchange());
  }

  /**
   * Migrates the relay's tables (unless they are current) and starts competing for the slot;
   * returns at once. The outbox table and publication (the application's migrations) must exist.
   */
  public static Relay start(RelayConfig config, DataSource dataSource, MeterRegistry registry) {
    RelayMigrations.migrateIfBehind(dataSource, config.publication());
    Relay relay = new Relay(metered(config, registry), dataSource, registry);
    relay.broker.run(); // the topology exists when start returns, if the broker is up
    relay.election.start();
    relay.jobs.scheduleWithFixedDelay(relay.broker, 1, 1, TimeUnit.SECONDS);
    relay.jobs.scheduleWithFixedDelay(
        new SlotMonitor(dataSource, config.slotName(), config.walWarnBytes(), relay.metrics),
        1,
        SAMPLE_SECONDS,
        TimeUnit.SECONDS);
    relay.jobs.scheduleWithFixedDelay(
        new UnroutableMonitor(relay.unroutable, relay.metrics), 1, 15, TimeUnit.SECONDS);
    relay.jobs.scheduleWithFixedDelay(
        new RetentionJob(
            new Retention(dataSource, config.retention(), RetentionJob.BATCH),
            config.retention(),
            relay::isActive),
        1,
        60,
        TimeUnit.SECONDS);
    return relay;
  }

  private static RelayConfig metered(RelayConfig config, MeterRegistry registry) {
    return config.withBus(BrokerMeters.metered(config.bus(), registry));
  }

  /**
   * The replay service for the {@code replay} command, which runs no relay: it reads the rows
   * itself and leaves WAL replays to the slot's active relay.
   */
  public static ReplayService replayService(RelayConfig config, DataSource dataSource) {
    return replayService(
        config, dataSource, new RelayMetrics(new SimpleMeterRegistry(), config.slotName()));
  }

  private static ReplayService replayService(
      RelayConfig config, DataSource dataSource, RelayMetrics metrics) {
    return new ReplayService(
        config.slotName(), dataSource, () -> new RowRepublisher(config, dataSource, metrics));
  }

  /** Waits until this instance is the active one and its engine streams; false on timeout. */
  public boolean awaitStreaming(Duration timeout) throws InterruptedException {
    return supervisor.awaitStreaming(timeout);
  }

  /**
   * The slot loss this instance stopped on, if it did (CDC_SLOT_LOSS=stop): it holds the lock but
   * streams nothing until restarted, so it is neither active nor a standby, and not ready. The
   * newest loss of the slot, whichever relay found it, is in {@link
   * dev.outbox.relay.status.RelayStatus#lastSlotLoss()}.
   */
  public Optional<SlotLoss> stoppedBySlotLoss() {
    return supervisor.stoppedBy();
  }

  /** Whether this instance holds the lock and runs the engine (false for a standby). */
  public boolean isActive() {
    return supervisor.isActive();
  }

  /**
   * Publishes parked events again, the one with {@code id} or all when {@code id} is null, on a
   * connection of their own (the capture's {@link ParkedEvents}); any instance may, active or not.
   *
   * @return how many the broker confirmed
   */
  public int redriveParked(UUID id) throws InterruptedException {
    return new ParkedEvents(config, dataSource, metrics).redrive(id);
  }

  /** Readiness, named {@code relay}: active and delivering, or a standby that could take over. */
  public HealthCheck readiness() {
    return new RelayReadiness(config.slotName(), supervisor, election, broker);
  }

  /** The relay's meters. */
  public RelayMetrics metrics() {
    return metrics;
  }

  /**
   * Stops the jobs, then the engine (unconfirmed work is not acknowledged), then gives the lock up.
   */
  @Override
  public void close() {
    jobs.shutdownNow();
    unroutable.close();
    election.close();
    broker.close();
    metrics.active(false);
  }
}
