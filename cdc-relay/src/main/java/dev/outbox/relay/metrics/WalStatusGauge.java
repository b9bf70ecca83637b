package dev.outbox.relay.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code relay_slot_wal_status{status=...}}: one series per value of {@code
 * pg_replication_slots.wal_status} plus {@code missing} (no such slot), 1 for the slot's status at
 * the last sample and 0 for the others (all 0 before the first sample). A label per status rather
 * than a numeric code, so that an alert reads {@code relay_slot_wal_status{status!="reserved"} ==
 * 1} without a lookup table.
 */
final class WalStatusGauge {

  static final List<String> STATUSES =
      List.of("reserved", "extended", "unreserved", "lost", "missing");

  private final Map<String, AtomicLong> values = new LinkedHashMap<>();

  WalStatusGauge(MeterRegistry registry, String slot) {
    for (String status : STATUSES) {
      AtomicLong value = new AtomicLong();
      values.put(status, value);
      Gauge.builder("relay.slot.wal.status", value, AtomicLong::get)
          .tag("slot", slot)
          .tag("status", status)
          .description("1 for the slot's wal_status at the last sample (missing: no slot)")
          .register(registry);
    }
  }

  /** {@code status} as PostgreSQL names it, null when the slot does not exist. */
  void set(String status) {
    String current = status == null ? "missing" : status.toLowerCase(Locale.ROOT);
    values.forEach((name, value) -> value.set(name.equals(current) ? 1 : 0));
  }
}
