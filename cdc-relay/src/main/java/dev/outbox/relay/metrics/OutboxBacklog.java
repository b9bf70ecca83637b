package dev.outbox.relay.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code outbox_pending_events} (unpublished, not parked) and {@code
 * outbox_oldest_pending_age_seconds} (0 when none is pending): the backlog an outage of the broker
 * or of the relay leaves, as the {@link SlotMonitor} last sampled it.
 */
final class OutboxBacklog {

  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong oldestMillis = new AtomicLong();

  OutboxBacklog(MeterRegistry registry, String slot) {
    Gauge.builder("outbox.pending", pending, AtomicLong::get)
        .tag("slot", slot)
        .baseUnit("events")
        .description("outbox rows not yet published (parked ones excluded)")
        .register(registry);
    Gauge.builder("outbox.oldest.pending.age", oldestMillis, millis -> millis.get() / 1000.0)
        .tag("slot", slot)
        .baseUnit("seconds")
        .description("age of the oldest outbox row not yet published (0 when none)")
        .register(registry);
  }

  void set(long pendingEvents, Duration oldest) {
    pending.set(pendingEvents);
    oldestMillis.set(pendingEvents == 0 ? 0 : Math.max(0, oldest.toMillis()));
  }
}
