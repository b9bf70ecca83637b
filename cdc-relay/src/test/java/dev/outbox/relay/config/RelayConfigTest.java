package dev.outbox.relay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.config.ConfigException;
import dev.outbox.config.ConfigReader;
import dev.outbox.config.Environment;
import dev.outbox.config.Role;
import dev.outbox.config.Setting;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RelayConfigTest {

  @Test
  void defaults_follow_the_contract() {
    RelayConfig config = read(Map.of());

    assertThat(config.database().url()).isEqualTo("jdbc:postgresql://localhost:5432/outbox");
    assertThat(config.bus().connections().display()).isEqualTo("amqp://localhost:5672/");
    assertThat(config.exchange()).isEqualTo("domain.events");
    assertThat(config.maxRetries()).isEqualTo(5);
    assertThat(config.slotName()).isEqualTo("outbox_relay");
    assertThat(config.publication()).isEqualTo("outbox_publication");
    assertThat(config.retention()).isEqualTo(Duration.ofDays(7));
    assertThat(config.pollInterval()).isEqualTo(Duration.ofMillis(1));
    assertThat(config.replayWindow()).isZero();
  }

  @Test
  void a_blank_value_means_the_default() {
    Map<String, String> blank = new HashMap<>();
    RelayConfig.settings().forEach(s -> blank.put(s.name(), "  "));

    assertThat(read(blank)).isEqualTo(read(Map.of()));
  }

  @Test
  void a_replay_window_of_0_turns_wal_replays_off_and_a_negative_one_is_refused() {
    assertThat(read(Map.of("CDC_REPLAY_WINDOW", "0")).replayWindow()).isZero();
    assertThatThrownBy(() -> read(Map.of("CDC_REPLAY_WINDOW", "PT-5M")))
        .hasMessageContaining("CDC_REPLAY_WINDOW");
  }

  @Test
  void database_url_is_split_into_what_debezium_needs() {
    assertThat(DatabaseAddress.of("jdbc:postgresql://db.internal:6543/shop"))
        .isEqualTo(new DatabaseAddress("db.internal", 6543, "shop"));
    assertThat(DatabaseAddress.of("jdbc:postgresql://db/shop?ssl=true"))
        .isEqualTo(new DatabaseAddress("db", 5432, "shop"));
  }

  @Test
  void a_multi_host_database_url_lists_every_host_in_order() {
    assertThat(
            DatabaseAddress.all(
                "jdbc:postgresql://pg-1:5433,pg-2,[::1]:5434/shop?targetServerType=primary"))
        .containsExactly(
            new DatabaseAddress("pg-1", 5433, "shop"),
            new DatabaseAddress("pg-2", 5432, "shop"),
            new DatabaseAddress("[::1]", 5434, "shop"));
    assertThat(DatabaseAddress.of("jdbc:postgresql://pg-1,pg-2/shop"))
        .isEqualTo(new DatabaseAddress("pg-1", 5432, "shop"));
  }

  @Test
  void a_database_url_without_host_database_or_numeric_port_is_refused_naming_it() {
    assertThatThrownBy(() -> DatabaseAddress.all("jdbc:postgresql://pg-1,/shop"))
        .hasMessageContaining("DATABASE_URL must name a host and a database");
    assertThatThrownBy(() -> DatabaseAddress.all("jdbc:postgresql://pg-1:5432"))
        .hasMessageContaining("DATABASE_URL must name a host and a database");
    assertThatThrownBy(() -> DatabaseAddress.all("jdbc:postgresql://pg-1:54x/shop"))
        .hasMessageContaining("DATABASE_URL has a port that is not a number");
  }

  @Test
  void slot_loss_recovers_by_default_and_failover_slots_are_asked_for_only_when_set() {
    assertThat(read(Map.of()).slotLoss()).isEqualTo(SlotLossPolicy.RECOVER);
    assertThat(read(Map.of("CDC_SLOT_LOSS", "STOP")).slotLoss()).isEqualTo(SlotLossPolicy.STOP);
    assertThatThrownBy(() -> read(Map.of("CDC_SLOT_LOSS", "ignore")))
        .hasMessageContaining("CDC_SLOT_LOSS")
        .hasMessageContaining("[recover, stop]");
    assertThat(DebeziumProperties.of(read(Map.of())).getProperty("slot.failover"))
        .isEqualTo("false");
    assertThat(
            DebeziumProperties.of(read(Map.of("CDC_SLOT_FAILOVER", "true")))
                .getProperty("slot.failover"))
        .isEqualTo("true");
  }

  @Test
  void malformed_values_name_their_variable_all_at_once() {
    assertThatThrownBy(
            () ->
                read(
                    Map.of(
                        "OUTBOX_MAX_RETRIES", "many",
                        "CDC_SLOT_NAME", "Bad-Slot",
                        "OUTBOX_RETENTION", "soon")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(3)
                    .anyMatch(p -> p.startsWith("OUTBOX_MAX_RETRIES"))
                    .anyMatch(p -> p.startsWith("CDC_SLOT_NAME"))
                    .anyMatch(p -> p.startsWith("OUTBOX_RETENTION")));
  }

  @Test
  void a_database_url_without_host_or_database_is_refused_at_start_up() {
    assertThatThrownBy(() -> read(Map.of("DATABASE_URL", "jdbc:postgresql:shop")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("DATABASE_URL must start with jdbc:postgresql://");
    assertThatThrownBy(() -> read(Map.of("DATABASE_URL", "postgres://x/y")))
        .hasMessageContaining("DATABASE_URL");
  }

  @Test
  void durations_accept_short_units_and_iso_8601() {
    RelayConfig config =
        read(Map.of("CDC_HEARTBEAT_INTERVAL", "250ms", "OUTBOX_RETENTION", "PT36H"));

    assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.retention()).isEqualTo(Duration.ofHours(36));
  }

  @Test
  void the_settings_are_every_declared_one_and_the_shared_ones_each_read_by_the_relay() {
    assertThat(RelayConfig.settings())
        .containsAll(Setting.declaredIn(RelayConfig.class))
        .doesNotHaveDuplicates()
        .allMatch(s -> s.roles().contains(Role.RELAY))
        .allMatch(s -> !s.description().isBlank())
        .extracting(Setting::name)
        .contains("DATABASE_URL", "EVENT_BUS_URL", "CDC_SLOT_NAME", "CDC_PUBLICATION");
  }

  @Test
  void debezium_properties_capture_outbox_inserts_from_the_existing_publication() {
    Properties p = DebeziumProperties.of(read(Map.of("CDC_SLOT_NAME", "s1")));

    assertThat(p.getProperty("plugin.name")).isEqualTo("pgoutput");
    assertThat(p.getProperty("slot.name")).isEqualTo("s1");
    assertThat(p.getProperty("database.hostname")).isEqualTo("localhost");
    assertThat(p.getProperty("database.dbname")).isEqualTo("outbox");
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
  void the_batch_is_made_by_the_task_and_debeziums_queue_hands_over_one_record_at_a_time() {
    Properties p = DebeziumProperties.of(read(Map.of("CDC_MAX_BATCH_SIZE", "500")));

    assertThat(p.getProperty("max.batch.size")).isEqualTo("1");
    assertThat(p.getProperty("outbox.max.batch.size")).isEqualTo("500");
    assertThat(p.getProperty("max.queue.size")).isEqualTo("2000");
    assertThat(p.getProperty("extended.headers.enabled")).isEqualTo("false");
    assertThat(p.getProperty("statistics.metrics.enabled")).isEqualTo("false");
  }

  @Test
  void the_password_is_not_in_the_text_form() {
    RelayConfig config = read(Map.of("DATABASE_PASSWORD", "s3cret"));

    assertThat(config.toString()).doesNotContain("s3cret");
  }

  private static RelayConfig read(Map<String, String> variables) {
    return ConfigReader.read(Environment.of(variables), RelayConfig::read);
  }
}
