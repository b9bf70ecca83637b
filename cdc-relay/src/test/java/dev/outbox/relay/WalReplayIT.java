package dev.outbox.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outbox.relay.config.RelayConfig;
import dev.outbox.relay.model.Lsns;
import dev.outbox.relay.replay.ReplayListener;
import dev.outbox.relay.replay.ReplayPoint;
import dev.outbox.relay.replay.ReplayRequest;
import dev.outbox.relay.replay.ReplayRequests;
import dev.outbox.relay.replay.ReplayResult;
import dev.outbox.relay.replay.ReplayRoute;
import dev.outbox.relay.replay.ReplayService;
import dev.outbox.relay.status.RelayStatus;
import dev.outbox.relay.status.RelayStatusQuery;
import dev.outbox.relay.support.ReceivedMessages;
import dev.outbox.relay.support.ReceivedMessages.Received;
import dev.outbox.relay.support.RelayEnvironment;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replays read from the WAL: the relay holds its slot CDC_REPLAY_WINDOW behind its stored position,
 * and a replay request makes it rewind the stored offset and re-read that WAL.
 */
class WalReplayIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  static RelayEnvironment env;
  static RelayConfig config;
  static Relay relay;
  static ReplayRequests requests;
  static ReplayService replays;
  static UUID beforeTheSlot;

  @BeforeAll
  static void start() throws Exception {
    env = new RelayEnvironment("walreplay");
    beforeTheSlot = env.insert(UUID.randomUUID().toString(), "snapshot.happened", "{}");
    Map<String, String> vars = env.env();
    vars.put("CDC_REPLAY_WINDOW", "10m");
    config = RelayEnvironment.config(vars);
    relay = startRelay();
    requests = new ReplayRequests(env.dataSource);
    replays = Relay.replayService(config, env.dataSource);
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
  void
      replay_from_an_lsn_inside_the_window_redelivers_exactly_the_events_at_or_after_it_in_order_then_live_ones()
          throws Exception {
    ReceivedMessages received = env.queue("wal.#");
    List<UUID> ids = insertAndAwait(received, "wal.happened", 10);
    long fourth = publishedLsn(ids.get(3));
    assertThat(ReplayRoute.choose(env.dataSource, env.slot, fourth))
        .isEqualTo(new ReplayRoute(ReplayRoute.Path.WAL, null));

    ReplayRequest request = requests.submit(env.slot, fourth);
    await().atMost(WAIT).until(() -> requests.find(request.id()).orElseThrow().started());
    UUID live = env.insert(UUID.randomUUID().toString(), "wal.happened", "{\"i\":10}");
    ReplayRequest done =
        await()
            .atMost(WAIT)
            .until(() -> requests.find(request.id()).orElseThrow(), r -> r.finished());
    await().atMost(WAIT).until(() -> received.byId(live) != null);

    assertThat(done.error()).isNull();
    assertThat(done.events()).isEqualTo(7);
    assertThat(done.throughLsn()).isGreaterThanOrEqualTo(publishedLsn(ids.get(9)));
    List<Received> after = received.all().subList(10, received.size());
    assertThat(after)
        .extracting(Received::id)
        .containsExactlyElementsOf(concat(ids.subList(3, 10), live));
    assertThat(after.subList(0, 7)).allMatch(r -> "true".equals(r.header("replayed")));
    assertThat(after.get(7).header("replayed")).isNull();
    assertThat(published(live)).isTrue();
  }

  @Test
  void events_of_the_first_start_snapshot_are_not_in_the_wal_and_replay_from_the_rows()
      throws Exception {
    await().atMost(WAIT).until(() -> published(beforeTheSlot));
    long snapshotPosition = publishedLsn(beforeTheSlot);

    ReplayRoute route = ReplayRoute.choose(env.dataSource, env.slot, snapshotPosition);

    assertThat(route.path()).isEqualTo(ReplayRoute.Path.ROWS);
    assertThat(route.reason())
        .contains(
            "has confirmed up to "
                + Lsns.format(snapshotPosition)
                + ", "
                + Lsns.format(snapshotPosition)
                + " (");
  }

  @Test
  void the_command_side_service_waits_for_the_relay_and_reports_the_count() throws Exception {
    ReceivedMessages received = env.queue("client.#");
    List<UUID> ids = insertAndAwait(received, "client.happened", 3);
    List<ReplayRequest> seen = new ArrayList<>();

    ReplayResult done =
        replays.replay(
            ReplayPoint.lsn(publishedLsn(ids.get(1))),
            WAIT,
            new ReplayListener() {
              @Override
              public void walProgress(ReplayRequest request) {
                seen.add(request);
              }
            });

    assertThat(done.path()).isEqualTo("WAL");
    assertThat(seen.get(seen.size() - 1).finished()).isTrue();
    assertThat(seen.get(seen.size() - 1).error()).isNull();
    assertThat(done.events()).isEqualTo(2);
    await().atMost(WAIT).until(() -> replayed(received).size() == 2);
    assertThat(replayed(received)).containsExactly(ids.get(1), ids.get(2));
  }

  @Test
  void a_point_behind_the_slot_goes_to_the_rows_and_the_relay_refuses_it_from_the_wal()
      throws Exception {
    long beforeTheSlot = 1;

    ReplayRoute route = ReplayRoute.choose(env.dataSource, env.slot, beforeTheSlot);
    ReplayRequest request = requests.submit(env.slot, beforeTheSlot);
    ReplayRequest refused =
        await()
            .atMost(WAIT)
            .until(() -> requests.find(request.id()).orElseThrow(), r -> r.finished());

    assertThat(route.path()).isEqualTo(ReplayRoute.Path.ROWS);
    assertThat(route.reason()).contains("has confirmed up to");
    assertThat(refused.refused()).isTrue();
    assertThat(refused.error()).contains("has confirmed up to");
    assertThat(relay.isActive()).isTrue();
  }

  @Test
  void a_relay_starting_while_a_replay_was_under_way_goes_on_with_it() throws Exception {
    ReceivedMessages received = env.queue("crash.#");
    List<UUID> ids = insertAndAwait(received, "crash.happened", 4);
    relay.close();
    // What the relay does once its engine stopped, and then the process died.
    ReplayRequest started =
        replays.rewind(requests.submit(env.slot, publishedLsn(ids.get(2)))).orElseThrow();
    assertThat(started.started()).isTrue();

    relay = startRelay();
    ReplayRequest done =
        await()
            .atMost(WAIT)
            .until(() -> requests.find(started.id()).orElseThrow(), r -> r.finished());
    UUID live = env.insert(UUID.randomUUID().toString(), "crash.happened", "{}");
    await().atMost(WAIT).until(() -> received.byId(live) != null);

    assertThat(done.error()).isNull();
    assertThat(done.events()).isEqualTo(2);
    assertThat(replayed(received)).containsExactly(ids.get(2), ids.get(3));
    assertThat(received.all().get(received.size() - 1).id()).isEqualTo(live);
  }

  @Test
  void lag_is_measured_from_the_stored_position_while_the_slot_trails_by_the_window()
      throws Exception {
    ReceivedMessages received = env.queue("lag.#");
    // About 2 MB of WAL behind the stored position once published: far more than the lag of an
    // idle relay, so the two ways of measuring cannot be confused.
    StringBuilder big = new StringBuilder("{\"noise\":\"");
    while (big.length() < 2_000_000) {
      big.append(UUID.randomUUID());
    }
    UUID id =
        env.insert(UUID.randomUUID().toString(), "lag.happened", big.append("\"}").toString());
    await().atMost(WAIT).until(() -> received.byId(id) != null && published(id));

    RelayStatus status =
        await()
            .atMost(WAIT)
            .until(
                () -> new RelayStatusQuery(env.dataSource).forSlot(env.slot),
                s -> Lsns.parse(s.storedPosition()) > publishedLsn(id));

    long trailing = Lsns.parse(status.storedPosition()) - Lsns.parse(status.confirmedFlushLsn());
    assertThat(trailing).isGreaterThan(1_000_000);
    assertThat(status.lagBytes()).isLessThan(trailing);
    assertThat(status.retainedWalBytes()).isGreaterThan(trailing);
    assertThat(status.toText())
        .contains("replay from WAL      at or after " + status.confirmedFlushLsn() + "\n");
  }

  private static Relay startRelay() throws InterruptedException {
    Relay started = Relay.start(config, env.dataSource, new SimpleMeterRegistry());
    assertThat(started.awaitStreaming(WAIT)).isTrue();
    return started;
  }

  private static List<UUID> insertAndAwait(ReceivedMessages received, String type, int n) {
    List<UUID> ids = new ArrayList<>();
    String aggregate = UUID.randomUUID().toString();
    for (int i = 0; i < n; i++) {
      ids.add(env.insert(aggregate, type, "{\"i\":" + i + "}"));
    }
    await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> received.byId(id) != null));
    await().atMost(WAIT).until(() -> ids.stream().allMatch(WalReplayIT::published));
    return ids;
  }

  private static List<UUID> replayed(ReceivedMessages received) {
    return received.all().stream()
        .filter(r -> "true".equals(r.header("replayed")))
        .map(Received::id)
        .toList();
  }

  private static List<UUID> concat(List<UUID> first, UUID last) {
    List<UUID> all = new ArrayList<>(first);
    all.add(last);
    return all;
  }

  private static boolean published(UUID id) {
    return publishedLsnText(id) != null;
  }

  private static long publishedLsn(UUID id) {
    return Lsns.parse(publishedLsnText(id));
  }

  private static String publishedLsnText(UUID id) {
    return env.rows.text(
        "SELECT published_lsn::text FROM outbox_events WHERE id = ? AND published_at IS NOT NULL",
        id);
  }
}
