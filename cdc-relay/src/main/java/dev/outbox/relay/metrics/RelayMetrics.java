package dev.outbox.relay.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The relay's meters, every series registered at construction (at zero) so that dashboards and
 * alerts see them before the first event; the README's "Metrics and alerts" lists them with their
 * meaning. Gauges read what the {@link SlotMonitor} and {@link UnroutableMonitor} sampled, never
 * the database or broker at scrape time.
 */
public final class RelayMetrics {

  /** The dependencies whose outages are counted (tag values of {@code relay_outages_total}). */
  public static final List<String> DEPENDENCIES = List.of("postgresql", "rabbitmq");

  private final Counter published;
  private final Counter failures;
  private final Timer commitToConfirm;
  private final DistributionSummary batchSize;
  private final List<Counter> outages;
  private final AtomicLong walPosition = new AtomicLong();
  private final AtomicLong slotLag = new AtomicLong();
  private final AtomicLong retainedWal = new AtomicLong();
  private final AtomicLong parked = new AtomicLong();
  private final AtomicLong active = new AtomicLong();
  private final AtomicLong unroutable = new AtomicLong();
  private final AtomicLong lagMillis = new AtomicLong();
  private final OutboxBacklog backlog;
  private final WalStatusGauge walStatus;
  private final Counter slotRecoveries;
  private final AtomicLong slotLossStopped = new AtomicLong();

  public RelayMetrics(MeterRegistry registry, String slot) {
    published = Counter.builder("relay.events.published").tag("slot", slot).register(registry);
    failures = Counter.builder("relay.publish.failures").tag("slot", slot).register(registry);
    commitToConfirm =
        Timer.builder("relay.commit.to.confirm")
            .description("from the transaction's commit (WAL commit time) to the broker's confirm")
            .tag("slot", slot)
            .publishPercentileHistogram()
            .publishPercentiles(0.5, 0.95, 0.99)
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofMinutes(1))
            .register(registry);
    batchSize =
        DistributionSummary.builder("relay.batch.size").tag("slot", slot).register(registry);
    outages =
        DEPENDENCIES.stream()
            .map(
                dependency ->
                    Counter.builder("relay.outages")
                        .tag("slot", slot)
                        .tag("dependency", dependency)
                        .register(registry))
            .toList();
    gauge(registry, slot, "relay.wal.position", walPosition, null, "last published LSN");
    gauge(
        registry,
        slot,
        "relay.slot.lag",
        slotLag,
        "bytes",
        "WAL written since the stored position");
    gauge(registry, slot, "relay.retained.wal", retainedWal, "bytes", "WAL the slot retains");
    gauge(registry, slot, "relay.events.parked", parked, null, "events parked, unpublished");
    gauge(registry, slot, "relay.active", active, null, "1 while this process streams the slot");
    gauge(registry, slot, "relay.unroutable.messages", unroutable, null, "unroutable queue depth");
    Gauge.builder("relay.lag", lagMillis, millis -> millis.get() / 1000.0)
        .tag("slot", slot)
        .baseUnit("seconds")
        .description("commit-to-confirm of the last event confirmed; 0 once nothing is pending")
        .register(registry);
    backlog = new OutboxBacklog(registry, slot);
    walStatus = new WalStatusGauge(registry, slot);
    slotRecoveries =
        Counter.builder("relay.slot.recoveries")
            .tag("slot", slot)
            .description("stored positions found gone with their slot, recovered on a new slot")
            .register(registry);
    gauge(
        registry,
        slot,
        "relay.slot.loss.stopped",
        slotLossStopped,
        null,
        "1 while the relay streams nothing: slot lost and CDC_SLOT_LOSS=stop");
  }

  /** A lost slot was replaced by a new one (its unpublished rows are published from it). */
  public void slotRecovered() {
    slotRecoveries.increment();
  }

  /** Whether the relay stays stopped on a lost slot (CDC_SLOT_LOSS=stop). */
  public void slotLossStopped(boolean stopped) {
    slotLossStopped.set(stopped ? 1 : 0);
  }

  private static void gauge(
      MeterRegistry registry,
      String slot,
      String name,
      AtomicLong value,
      String unit,
      String description) {
    Gauge.builder(name, value, AtomicLong::get)
        .tag("slot", slot)
        .baseUnit(unit)
        .description(description)
        .register(registry);
  }

  /** A batch of {@code count} confirmed events, the last at WAL position {@code lsn}. */
  public void published(int count, long lsn) {
    published.increment(count);
    batchSize.record(count);
    walPosition.accumulateAndGet(lsn, Math::max);
  }

  /** The broker's confirm of an event that committed at {@code commitTime}. */
  public void confirmed(Instant commitTime, Instant now) {
    if (commitTime != null) {
      Duration delay = Duration.between(commitTime, now);
      commitToConfirm.record(delay);
      lagMillis.set(Math.max(0, delay.toMillis()));
    }
  }

  /** An outage of {@code dependency} (one of {@link #DEPENDENCIES}) began, counted once. */
  public void outage(String dependency) {
    outages.get(DEPENDENCIES.indexOf(dependency)).increment();
  }

  public void failed() {
    failures.increment();
  }

  public void slot(long lagBytes, long retainedBytes) {
    slotLag.set(lagBytes);
    retainedWal.set(retainedBytes);
  }

  /** The slot's {@code wal_status} at the last sample; null when the slot does not exist. */
  public void walStatus(String status) {
    walStatus.set(status);
  }

  /** The outbox at the last sample: unpublished events, how many of them parked, the oldest age. */
  public void outbox(long pending, long parkedCount, Duration oldestPending) {
    backlog.set(pending, oldestPending);
    parked.set(parkedCount);
    if (pending == 0) {
      lagMillis.set(0);
    }
  }

  /** The unroutable queue's depth at the last sample. */
  public void unroutable(long messages) {
    unroutable.set(messages);
  }

  public void active(boolean isActive) {
    active.set(isActive ? 1 : 0);
  }

  /** The commit-to-confirm timer, for benchmarks and status. */
  public Timer commitToConfirm() {
    return commitToConfirm;
  }
}
