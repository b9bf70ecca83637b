package dev.outbox.relay.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.relay.config.RelayMigrations;
import dev.outbox.relay.support.RelayEnvironment;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sampled gauges against a real database with no relay running: the outbox's backlog (pending,
 * parked, oldest age) and the slot's wal_status, missing until the slot exists.
 */
class SlotMonitorIT {

  private RelayEnvironment env;
  private MeterRegistry registry;
  private SlotMonitor monitor;

  @BeforeEach
  void setUp() {
    env = new RelayEnvironment("slot_monitor");
    RelayMigrations.migrate(env.dataSource, env.publication);
    registry = new SimpleMeterRegistry();
    monitor =
        new SlotMonitor(
            env.dataSource, env.slot, Long.MAX_VALUE, new RelayMetrics(registry, env.slot));
  }

  @AfterEach
  void tearDown() {
    env.rows.execute(
        "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
            + " WHERE slot_name = '"
            + env.slot
            + "'");
    env.close();
  }

  @Test
  void the_gauges_read_zero_and_missing_before_the_first_sample_reads_the_outbox() {
    assertThat(gauge("outbox.pending")).isZero();
    assertThat(gauge("outbox.oldest.pending.age")).isZero();
    assertThat(gauge("relay.events.parked")).isZero();
    assertThat(walStatus("missing")).isZero();

    monitor.run();

    assertThat(walStatus("missing")).isEqualTo(1);
    assertThat(walStatus("reserved")).isZero();
  }

  @Test
  void pending_parked_and_the_oldest_age_come_from_the_unpublished_rows() {
    String aggregate = UUID.randomUUID().toString();
    env.insert(aggregate, "user.created", "{}");
    UUID parked = env.insert(aggregate, "user.created", "{}");
    UUID published = env.insert(aggregate, "user.created", "{}");
    env.rows.execute(
        "UPDATE outbox_events SET created_at = now() - interval '90 seconds'"
            + " WHERE parked_at IS NULL");
    env.rows.execute("UPDATE outbox_events SET parked_at = now() WHERE id = '" + parked + "'");
    env.rows.execute(
        "UPDATE outbox_events SET published_at = now() WHERE id = '" + published + "'");

    monitor.run();

    assertThat(gauge("outbox.pending")).isEqualTo(1);
    assertThat(gauge("relay.events.parked")).isEqualTo(1);
    assertThat(gauge("outbox.oldest.pending.age")).isBetween(90.0, 3600.0);
  }

  @Test
  void the_slot_once_created_reports_its_wal_status() {
    env.rows.execute("SELECT pg_create_logical_replication_slot('" + env.slot + "', 'pgoutput')");

    monitor.run();

    assertThat(walStatus("reserved")).isEqualTo(1);
    assertThat(walStatus("missing")).isZero();
    assertThat(gauge("relay.retained.wal")).isGreaterThanOrEqualTo(0);
  }

  private double gauge(String name) {
    return registry.get(name).tag("slot", env.slot).gauge().value();
  }

  private double walStatus(String status) {
    return registry
        .get("relay.slot.wal.status")
        .tag("slot", env.slot)
        .tag("status", status)
        .gauge()
        .value();
  }
}
