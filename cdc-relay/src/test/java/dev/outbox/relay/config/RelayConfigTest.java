package dev.outbox.relay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RelayConfigTest {

  @Test
  void defaults_follow_the_contract() {
    RelayConfig config = RelayConfig.fromEnv(Map.of());

    assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/outbox");
    assertThat(config.eventBusUrl()).isEqualTo("amqp://guest:guest@localhost:5672/");
    assertThat(config.exchange()).isEqualTo("domain.events");
    assertThat(config.maxRetries()).isEqualTo(5);
    assertThat(config.slotName()).isEqualTo("outbox_relay");
    assertThat(config.publication()).isEqualTo("outbox_publication");
    assertThat(config.retention()).isEqualTo(Duration.ofDays(7));
    assertThat(config.pollInterval()).isEqualTo(Duration.ofMillis(1));
    assertThat(config.replayWindow()).isZero();
  }

  @Test
  void a_replay_window_of_0_turns_wal_replays_off_and_a_negative_one_is_refused() {
    assertThat(RelayConfig.fromEnv(Map.of("CDC_REPLAY_WINDOW", "0")).replayWindow()).isZero();
    assertThatThrownBy(() -> RelayConfig.fromEnv(Map.of("CDC_REPLAY_WINDOW", "PT-5M")))
        .hasMessageContaining("CDC_REPLAY_WINDOW");
  }

  @Test
  void database_url_is_split_into_what_debezium_needs() {
    RelayConfig config =
        RelayConfig.fromEnv(Map.of("DATABASE_URL", "jdbc:postgresql://db.internal:6543/shop"));

    assertThat(config.databaseAddress())
        .isEqualTo(new RelayConfig.DatabaseAddress("db.internal", 6543, "shop"));
  }

  @Test
  void malformed_values_name_their_variable() {
    assertThatThrownBy(() -> RelayConfig.fromEnv(Map.of("OUTBOX_MAX_RETRIES", "many")))
        .hasMessageContaining("OUTBOX_MAX_RETRIES");
    assertThatThrownBy(() -> RelayConfig.fromEnv(Map.of("CDC_SLOT_NAME", "Bad-Slot")))
        .hasMessageContaining("CDC_SLOT_NAME");
    assertThatThrownBy(() -> RelayConfig.fromEnv(Map.of("OUTBOX_RETENTION", "soon")))
        .hasMessageContaining("OUTBOX_RETENTION");
    assertThatThrownBy(
            () -> RelayConfig.fromEnv(Map.of("DATABASE_URL", "postgres://x/y")).databaseAddress())
        .hasMessageContaining("DATABASE_URL");
  }

  @Test
  void durations_accept_short_units_and_iso_8601() {
    RelayConfig config =
        RelayConfig.fromEnv(Map.of("CDC_HEARTBEAT_INTERVAL", "250ms", "OUTBOX_RETENTION", "PT36H"));

    assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.retention()).isEqualTo(Duration.ofHours(36));
  }

  @Test
  void debezium_properties_capture_outbox_inserts_from_the_existing_publication() {
    Properties p = DebeziumProperties.of(RelayConfig.fromEnv(Map.of("CDC_SLOT_NAME", "s1")));

    assertThat(p.getProperty("plugin.name")).isEqualTo("pgoutput");
    assertThat(p.getProperty("slot.name")).isEqualTo("s1");
    assertThat(p.getProperty("publication.autocreate.mode")).isEqualTo("disabled");
    assertThat(p.getProperty("table.include.list"))
        .isEqualTo("public.outbox_events,public.relay_heartbeat");
    assertThat(p.getProperty("offset.storage")).endsWith("PostgresOffsetBackingStore");
    assertThat(p.getProperty("poll.interval.ms")).isEqualTo("1");
    assertThat(p.getProperty("snapshot.select.statement.overrides.public.outbox_events"))
        .contains("published_at IS NULL AND parked_at IS NULL");
    assertThat(p.getProperty("heartbeat.action.query")).startsWith("WITH old AS (DELETE");
    assertThat(p.getProperty("connector.class")).endsWith("WindowedPostgresConnector");
    assertThat(p.getProperty("outbox.replay.window.ms")).isEqualTo("0");
  }

  @Test
  void the_password_is_not_in_the_text_form() {
    RelayConfig config = RelayConfig.fromEnv(Map.of("DATABASE_PASSWORD", "s3cret"));

    assertThat(config.toString()).doesNotContain("s3cret");
  }
}
