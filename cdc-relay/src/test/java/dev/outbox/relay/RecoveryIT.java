package dev.outbox.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.outbox.relay.model.Lsns;
import dev.outbox.relay.replay.ReplayPoint;
import dev.outbox.relay.replay.ReplayResult;
import dev.outbox.relay.replay.ReplayRoute;
import dev.outbox.relay.replay.ReplayService;
import dev.outbox.relay.status.RelayStatus;
import dev.outbox.relay.status.RelayStatusQuery;
import dev.outbox.relay.store.Retention;
import dev.outbox.relay.support.ReceivedMessages;
import dev.outbox.relay.support.ReceivedMessages.Received;
import dev.outbox.relay.support.RelayEnvironment;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Replay, status and retention against a running relay. */
class RecoveryIT {

  static RelayEnvironment env;
  static Relay relay;
  static ReplayService replays;

  @BeforeAll
  static void start() throws Exception {
    env = new RelayEnvironment("recovery");
    // The relay's own retention job must not race the test's explicit run.
    java.util.Map<String, String> vars = env.env();
    vars.put("OUTBOX_RETENTION", "3650d");
    // No replay window: the slot confirms each position as soon as it is stored (Debezium's own
    // commit), so every replay point of these tests is outside the WAL and served from the rows.
    vars.put("CDC_REPLAY_WINDOW", "0");
    relay = Relay.start(RelayEnvironment.config(vars), env.dataSource, new SimpleMeterRegistry());
    assertThat(relay.awaitStreaming(Duration.ofSeconds(60))).isTrue();
    replays = Relay.replayService(env.config(), env.dataSource);
  }

  @AfterAll
  static void stop() {
    if (relay != null) {
      relay.close();
    }
    if (env != null) {
      env.close();
    }
  }

  @Test
  void replay_from_an_lsn_redelivers_exactly_the_events_at_or_after_it_in_order_then_live_ones()
      throws Exception {
    ReceivedMessages received = env.queue("lsn.#");
    List<UUID> ids = insertAndAwait(received, "lsn.happened", 5);
    String third = received.byId(ids.get(2)).header("lsn");
    ReplayRoute route =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> ReplayRoute.choose(env.dataSource, env.slot, Lsns.parse(third)),
                r -> r.path() == ReplayRoute.Path.ROWS);

    ReplayResult result = replays.fromRows(ReplayPoint.lsn(Lsns.parse(third)), n -> {});
    UUID live = env.insert(UUID.randomUUID().toString(), "lsn.happened", "{}");
    await().atMost(Duration.ofSeconds(30)).until(() -> received.byId(live) != null);

    assertThat(route.reason()).contains("has confirmed up to");
    assertThat(result.events()).isEqualTo(3);
    assertThat(result.path()).isEqualTo("outbox rows");
    assertThat(replayed(received)).containsExactly(ids.get(2), ids.get(3), ids.get(4));
    Received liveMessage = received.all().get(received.size() - 1);
    assertThat(liveMessage.id()).isEqualTo(live);
    assertThat(liveMessage.header("replayed")).isNull();
  }

  @Test
  void replay_from_a_time_redelivers_the_events_created_since_in_order() throws Exception {
    ReceivedMessages received = env.queue("time.#");
    List<UUID> before = insertAndAwait(received, "time.happened", 2);
    Instant point = Instant.parse(received.byId(before.get(1)).body().get("occurred_at").asText());
    List<UUID> after = insertAndAwait(received, "time.happened", 2);
    long pointLsn = ReplayRoute.firstPublishedAtOrAfter(env.dataSource, point).orElseThrow();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> ReplayRoute.choose(env.dataSource, env.slot, pointLsn).path(),
            path -> path == ReplayRoute.Path.ROWS);

    ReplayResult result = replays.fromRows(ReplayPoint.time(point), n -> {});

    assertThat(pointLsn).isEqualTo(Lsns.parse(received.byId(before.get(1)).header("lsn")));
    assertThat(result.events()).isGreaterThanOrEqualTo(3);
    // Confirmed by the broker is not yet delivered to the test's consumer.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(replayed(received))
                    .containsSubsequence(before.get(1), after.get(0), after.get(1)));
    assertThat(replayed(received)).doesNotContain(before.get(0));
  }

  @Test
  void retention_deletes_only_published_rows_older_than_the_limit_and_replay_refuses_older_points()
      throws Exception {
    ReceivedMessages received = env.queue("old.#");
    List<UUID> ids = insertAndAwait(received, "old.happened", 2);
    String firstLsn = received.byId(ids.get(0)).header("lsn");
    UUID unpublished = UUID.randomUUID();
    UUID parked = UUID.randomUUID();
    env.rows.execute(
        "UPDATE outbox_events SET published_at = now() - interval '8 days' WHERE id = '"
            + ids.get(0)
            + "'");
    env.rows.execute(
        "INSERT INTO outbox_events (id, aggregate_type, aggregate_id, event_type, payload,"
            + " created_at) VALUES ('"
            + unpublished
            + "', 'old', gen_random_uuid(), 'old.pending', '{}', now() - interval '9 days'),"
            + " ('"
            + parked
            + "', 'old', gen_random_uuid(), 'old.parked', '{}', now() - interval '9 days')");
    env.rows.execute("UPDATE outbox_events SET parked_at = now() WHERE id = '" + parked + "'");
    awaitRowPublished(unpublished);

    long deleted = new Retention(env.dataSource, Duration.ofDays(7), 1).run();

    assertThat(deleted).isEqualTo(1);
    assertThat(exists(ids.get(0))).isFalse();
    assertThat(exists(ids.get(1))).isTrue();
    assertThat(exists(parked)).isTrue();
    assertThat(exists(unpublished)).isTrue();
    assertThatThrownBy(() -> replays.fromRows(ReplayPoint.lsn(Lsns.parse(firstLsn)), n -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retention");
  }

  @Test
  void status_shows_the_active_relay_its_positions_and_the_backlog() throws Exception {
    ReceivedMessages received = env.queue("status.#");
    UUID parked = insertAndAwait(received, "status.happened", 1).get(0);
    env.rows.execute(
        "UPDATE outbox_events SET published_at = NULL, parked_at = now() WHERE id = '"
            + parked
            + "'");

    RelayStatus status =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> new RelayStatusQuery(env.dataSource).forSlot(env.slot),
                s -> s.storedPosition() != null);

    assertThat(status.slotExists()).isTrue();
    assertThat(status.activeRelay()).isTrue();
    assertThat(status.confirmedFlushLsn()).matches("[0-9A-F]+/[0-9A-F]+");
    assertThat(status.walStatus()).isIn("reserved", "extended");
    assertThat(status.parked()).isGreaterThanOrEqualTo(1);
    assertThat(status.toText()).contains("slot", "confirmed_flush_lsn", "outbox parked");
    System.out.println("relay status:\n" + status.toText());
  }

  private static List<UUID> insertAndAwait(ReceivedMessages received, String type, int n) {
    List<UUID> ids = new ArrayList<>();
    String aggregate = UUID.randomUUID().toString();
    for (int i = 0; i < n; i++) {
      ids.add(env.insert(aggregate, type, "{\"i\":" + i + "}"));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ids.stream().allMatch(id -> received.byId(id) != null));
    ids.forEach(RecoveryIT::awaitRowPublished);
    return ids;
  }

  private static List<UUID> replayed(ReceivedMessages received) {
    return received.all().stream()
        .filter(r -> "true".equals(r.header("replayed")))
        .map(Received::id)
        .toList();
  }

  private static void awaitRowPublished(UUID id) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                env.rows.count(
                        "SELECT count(*) FROM outbox_events"
                            + " WHERE id = ? AND published_at IS NOT NULL",
                        id)
                    == 1);
  }

  private static boolean exists(UUID id) {
    return env.rows.count("SELECT count(*) FROM outbox_events WHERE id = ?", id) == 1;
  }
}
