package dev.outbox.relay.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The relay's meters (names as Prometheus shows them): {@code relay_events_published_total}, {@code
 * relay_publish_failures_total}, {@code relay_commit_to_confirm_seconds} (histogram, from the
 * transaction's commit time in the WAL to the broker's confirm), {@code relay_batch_size}, {@code
 * relay_wal_position} (last published LSN as a number), {@code relay_slot_lag_bytes}, {@code
 * relay_retained_wal_bytes}, {@code relay_events_parked}, {@code relay_outages_total} (per
 * dependency), {@code relay_active} (1 while this instance holds the lock and streams) and {@code
 * relay_unroutable_messages} (messages in the exchange's unroutable queue, sampled), {@code
 * relay_slot_recoveries_total} (slot losses recovered: a new slot, the unpublished rows published
 * again) and {@code relay_slot_loss_stopped} (1 while the relay streams nothing because its slot
 * was lost and CDC_SLOT_LOSS is stop).
 */
public final class RelayMetrics {

  private final MeterRegistry registry;
  private final String slot;
  private final Counter published;
  private final Counter failures;
  private final Timer commitToConfirm;
  private final DistributionSummary batchSize;
  private final AtomicLong walPosition = new AtomicLong();
  private final AtomicLong slotLag = new AtomicLong();
  private final AtomicLong retainedWal = new AtomicLong();
  private final AtomicLong parked = new AtomicLong();
  private final AtomicLong active = new AtomicLong();
  private final AtomicLong unroutable = new AtomicLong();
  private final Counter slotRecoveries;
  private final AtomicLong slotLossStopped = new AtomicLong();

  public RelayMetrics(MeterRegistry registry, String slot) {
    this.registry = registry;
    this.slot = slot;
    published = Counter.builder("relay.events.published").tag("slot", slot).register(registry);
    failures = Counter.builder("relay.publish.failures").tag("slot", slot).register(registry);
    commitToConfirm =
        Timer.builder("relay.commit.to.confirm")
            .tag("slot", slot)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofMinutes(1))
            .register(registry);
    batchSize =
        DistributionSummary.builder("relay.batch.size").tag("slot", slot).register(registry);
    Gauge.builder("relay.wal.position", walPosition, AtomicLong::get)
        .tag("slot", slot)
        .register(registry);
    Gauge.builder("relay.slot.lag", slotLag, AtomicLong::get)
        .tag("slot", slot)
        .baseUnit("bytes")
        .register(registry);
    Gauge.builder("relay.retained.wal", retainedWal, AtomicLong::get)
        .tag("slot", slot)
        .baseUnit("bytes")
        .register(registry);
    Gauge.builder("relay.events.parked", parked, AtomicLong::get)
        .tag("slot", slot)
        .register(registry);
    Gauge.builder("relay.active", active, AtomicLong::get).tag("slot", slot).register(registry);
    Gauge.builder("relay.unroutable.messages", unroutable, AtomicLong::get)
        .tag("slot", slot)
        .description("messages in the exchange's unroutable queue (bounded; see README)")
        .register(registry);
    slotRecoveries =
        Counter.builder("relay.slot.recoveries")
            .tag("slot", slot)
            .description("stored positions found gone with their slot, recovered on a new slot")
            .register(registry);
    Gauge.builder("relay.slot.loss.stopped", slotLossStopped, AtomicLong::get)
        .tag("slot", slot)
        .description("1 while the relay streams nothing: slot lost and CDC_SLOT_LOSS=stop")
        .register(registry);
  }

  /** A lost slot was replaced by a new one (its unpublished rows are published from it). */
  public void slotRecovered() {
    slotRecoveries.increment();
  }

  /** Whether the relay stays stopped on a lost slot (CDC_SLOT_LOSS=stop). */
  public void slotLossStopped(boolean stopped) {
    slotLossStopped.set(stopped ? 1 : 0);
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
      commitToConfirm.record(Duration.between(commitTime, now));
    }
  }

  /** An outage of {@code dependency} began (counted once per outage, not per attempt). */
  public void outage(String dependency) {
    Counter.builder("relay.outages")
        .tag("slot", slot)
        .tag("dependency", dependency)
        .register(registry)
        .increment();
  }

  public void failed() {
    failures.increment();
  }

  public void slot(long lagBytes, long retainedBytes) {
    slotLag.set(lagBytes);
    retainedWal.set(retainedBytes);
  }

  public void parked(long count) {
    parked.set(count);
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
