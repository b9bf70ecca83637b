package dev.outbox.relay.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RelayMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final RelayMetrics metrics = new RelayMetrics(registry, "s");

  @Test
  void every_series_exists_at_zero_before_the_first_event() {
    assertThat(registry.getMeters().stream().map(m -> m.getId().getName()).distinct())
        .containsExactlyInAnyOrder(
            "relay.events.published",
            "relay.publish.failures",
            "relay.commit.to.confirm",
            "relay.commit.to.confirm.percentile",
            "relay.batch.size",
            "relay.outages",
            "relay.wal.position",
            "relay.slot.lag",
            "relay.retained.wal",
            "relay.events.parked",
            "relay.active",
            "relay.unroutable.messages",
            "relay.lag",
            "outbox.pending",
            "outbox.oldest.pending.age",
            "relay.slot.wal.status",
            "relay.slot.recoveries",
            "relay.slot.loss.stopped");
    assertThat(registry.find("relay.outages").counters()).hasSize(2);
    assertThat(registry.find("relay.slot.wal.status").gauges()).hasSize(5);
    for (Meter meter : registry.getMeters()) {
      meter.measure().forEach(m -> assertThat(m.getValue()).as(meter.getId().toString()).isZero());
    }
  }

  @Test
  void the_lag_is_the_last_confirm_delay_until_nothing_is_pending() {
    Instant now = Instant.parse("2026-12-01T12:00:00Z");
    metrics.confirmed(now.minusMillis(2500), now);
    assertThat(registry.get("relay.lag").gauge().value()).isEqualTo(2.5);

    metrics.outbox(3, 0, Duration.ofSeconds(40));
    assertThat(registry.get("relay.lag").gauge().value()).isEqualTo(2.5);
    assertThat(registry.get("outbox.oldest.pending.age").gauge().value()).isEqualTo(40);

    metrics.outbox(0, 1, Duration.ZERO);
    assertThat(registry.get("relay.lag").gauge().value()).isZero();
    assertThat(registry.get("outbox.pending").gauge().value()).isZero();
    assertThat(registry.get("relay.events.parked").gauge().value()).isEqualTo(1);
  }

  @Test
  void one_wal_status_series_reads_one_at_a_time() {
    metrics.walStatus("unreserved");
    assertThat(status("unreserved")).isEqualTo(1);
    assertThat(status("reserved")).isZero();

    metrics.walStatus(null);
    assertThat(status("missing")).isEqualTo(1);
    assertThat(status("unreserved")).isZero();
  }

  @Test
  void an_outage_counts_against_its_dependency() {
    metrics.outage("rabbitmq");
    assertThat(registry.get("relay.outages").tag("dependency", "rabbitmq").counter().count())
        .isEqualTo(1);
    assertThat(registry.get("relay.outages").tag("dependency", "postgresql").counter().count())
        .isZero();
  }

  private double status(String status) {
    return registry.get("relay.slot.wal.status").tag("status", status).gauge().value();
  }
}
