package dev.outbox.relay.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.debezium.metrics.event.LagBehindSourceEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InlineLagMeasurementTest {

  @Test
  void each_lag_is_applied_to_debeziums_measurement_on_the_callers_thread() {
    List<String> applied = new ArrayList<>();
    var collector =
        new InlineLagMeasurement.Inline(
            event -> applied.add(event.getValue() + " on " + Thread.currentThread().getName()));

    collector.accept(new LagBehindSourceEvent(42));
    collector.accept(new LagBehindSourceEvent(7));

    String here = Thread.currentThread().getName();
    assertThat(applied).containsExactly("42 on " + here, "7 on " + here);
  }

  @Test
  void a_coordinator_whose_metrics_are_not_found_keeps_debeziums_queue_without_failing() {
    assertThat(InlineLagMeasurement.install(null)).isFalse();
  }
}
