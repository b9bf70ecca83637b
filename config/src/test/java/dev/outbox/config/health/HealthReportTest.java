package dev.outbox.config.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthReportTest {

  private static final HealthCheck DATABASE_UP = HealthCheck.of("database", Check::up);
  private static final HealthCheck BROKER_DOWN =
      HealthCheck.of("broker", () -> Check.down("error", "Connection refused"));

  @Test
  void a_report_is_up_and_200_when_every_required_check_is_up() {
    HealthReport report = HealthReport.of(List.of(DATABASE_UP));

    assertThat(report.httpStatus()).isEqualTo(200);
    assertThat(report.body())
        .isEqualTo(Map.of("status", "UP", "checks", Map.of("database", Map.of("status", "UP"))));
  }

  @Test
  void a_required_check_that_is_down_makes_it_503_and_says_what_it_saw() {
    HealthReport report = HealthReport.of(List.of(DATABASE_UP, BROKER_DOWN));

    assertThat(report.httpStatus()).isEqualTo(503);
    assertThat(report.body()).containsEntry("status", "DOWN");
    assertThat(report.checks().get("broker"))
        .isEqualTo(Map.of("status", "DOWN", "error", "Connection refused"));
  }

  @Test
  void a_reported_only_check_shows_down_and_leaves_the_report_up() {
    HealthReport report = HealthReport.of(List.of(DATABASE_UP, BROKER_DOWN.reportedOnly()));

    assertThat(report.httpStatus()).isEqualTo(200);
    assertThat(report.checks().get("broker"))
        .containsEntry("status", "DOWN")
        .containsEntry("required", false);
  }

  @Test
  void liveness_has_no_checks() {
    assertThat(HealthReport.alive().body()).isEqualTo(Map.of("status", "UP"));
  }

  @Test
  void facts_keep_their_order_and_come_in_pairs() {
    Check check = Check.up("role", "standby", "slot", "outbox_relay");

    assertThat(check.body().keySet()).containsExactly("status", "role", "slot");
    assertThatThrownBy(() -> Check.up("role")).isInstanceOf(IllegalArgumentException.class);
  }
}
