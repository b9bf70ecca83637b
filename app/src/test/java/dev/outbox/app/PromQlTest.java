package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

  @Test
  void a_bare_selector_names_its_metric() {
    assertThat(PromQl.metricNames("up == 0")).containsExactly("up");
  }

  @Test
  void functions_labels_ranges_and_strings_are_not_metrics() {
    assertThat(
            PromQl.metricNames(
                "histogram_quantile(0.99, sum by (le, slot) (rate(relay_commit_to_confirm_seconds"
                    + "_bucket{slot!=\"x\", status=~\"a|b\"}[$__rate_interval])))"))
        .containsExactly("relay_commit_to_confirm_seconds_bucket");
  }

  @Test
  void both_sides_of_a_binary_operator_and_absent_are_read() {
    assertThat(
            PromQl.metricNames(
                "sum by (slot) (relay_active) < 1 or absent(relay_active) and on (job)"
                    + " outbox_pending_events > 1e3"))
        .containsExactly("outbox_pending_events", "relay_active");
  }
}
