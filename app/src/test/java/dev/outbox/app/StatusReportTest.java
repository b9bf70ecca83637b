package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outbox.config.ExitCodes;
import dev.outbox.json.Json;
import dev.outbox.relay.status.RelayStatus;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one status report and its two renderings: the same facts in text and in JSON. */
class StatusReportTest {

  private static RelayStatus relay(Duration oldestPending) {
    return new RelayStatus(
        "outbox_relay",
        "0/4D883B90",
        true,
        "0/4D7160A8",
        "0/4D716070",
        "reserved",
        4_705_936,
        6_203_824,
        true,
        3,
        1,
        oldestPending,
        null);
  }

  @Test
  void text_and_json_carry_the_same_facts() throws Exception {
    StatusReport report =
        new StatusReport(relay(Duration.ofMillis(1500)), 2L, null, Duration.ofSeconds(1), 4L);

    String text = StatusText.render(report);
    JsonNode json = Json.mapper().readTree(StatusJson.render(report));

    assertThat(text)
        .isEqualTo(
            String.join(
                "\n",
                "slot                 outbox_relay",
                "relay                active (lock held)",
                "stored position      0/4D883B90",
                "confirmed_flush_lsn  0/4D7160A8",
                "restart_lsn          0/4D716070",
                "wal_status           reserved",
                "replay from WAL      at or after 0/4D7160A8",
                "lag                  4705936 bytes, 1500 ms",
                "retained WAL         6203824 bytes",
                "outbox pending       3",
                "outbox parked        1",
                "last slot loss       none",
                "dead letters         2",
                "provider bounces     4",
                "max lag              1000 ms, exceeded"));
    assertThat(Json.mapper().convertValue(json, Map.class))
        .containsExactly(
            entry("slot", "outbox_relay"),
            entry("slot_exists", true),
            entry("relay_active", true),
            entry("stored_position", "0/4D883B90"),
            entry("confirmed_flush_lsn", "0/4D7160A8"),
            entry("restart_lsn", "0/4D716070"),
            entry("wal_status", "reserved"),
            entry("replay_from_wal_lsn", "0/4D7160A8"),
            entry("lag_bytes", 4_705_936),
            entry("lag_ms", 1500),
            entry("retained_wal_bytes", 6_203_824),
            entry("outbox_pending", 3),
            entry("outbox_parked", 1),
            entry("last_slot_loss", null),
            entry("dead_letters", 2),
            entry("provider_bounces", 4),
            entry("max_lag_ms", 1000),
            entry("lag_exceeded", true));
    assertThat(StatusJson.render(report)).doesNotContain("\n");
  }

  @Test
  void what_was_not_read_is_null_in_json_with_the_reason_and_unknown_in_text() throws Exception {
    RelayStatus none =
        new RelayStatus("s", null, false, null, null, null, 0, 0, false, 0, 0, Duration.ZERO, null);
    StatusReport report =
        new StatusReport(none, null, "RabbitMQ unreachable (refused)", null, null);

    JsonNode json = Json.mapper().readTree(StatusJson.render(report));

    assertThat(StatusText.render(report))
        .contains("slot                 s (does not exist)")
        .contains("replay from WAL      -")
        .contains("dead letters         unknown: RabbitMQ unreachable (refused)\n")
        .endsWith("provider bounces     unknown: the notifier's delivery log cannot be read")
        .doesNotContain("max lag");
    assertThat(json.get("stored_position").isNull()).isTrue();
    assertThat(json.get("replay_from_wal_lsn").isNull()).isTrue();
    assertThat(json.get("dead_letters").isNull()).isTrue();
    assertThat(json.get("dead_letters_error").asText()).isEqualTo("RabbitMQ unreachable (refused)");
    assertThat(json.get("provider_bounces").isNull()).isTrue();
    assertThat(json.has("max_lag_ms")).isFalse();
    assertThat(json.has("lag_exceeded")).isFalse();
  }

  @Test
  void the_exit_code_says_lag_exceeded_before_a_part_unread() {
    Duration limit = Duration.ofMinutes(5);
    Duration old = Duration.ofMinutes(6);

    assertThat(new StatusReport(relay(old), 0L, null, null, 0L).exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(new StatusReport(relay(limit), 0L, null, limit, 0L).exitCode())
        .isEqualTo(ExitCodes.OK);
    assertThat(new StatusReport(relay(old), 0L, null, limit, 0L).exitCode())
        .isEqualTo(ExitCodes.LAG_EXCEEDED);
    assertThat(new StatusReport(relay(old), null, "down", limit, 0L).exitCode())
        .isEqualTo(ExitCodes.LAG_EXCEEDED);
    assertThat(new StatusReport(relay(Duration.ZERO), null, "down", limit, 0L).exitCode())
        .isEqualTo(ExitCodes.FAILURE);
  }
}
