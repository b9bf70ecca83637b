package dev.outbox.relay.standby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outbox.relay.Relay;
import dev.outbox.relay.config.RelayConfig;
import dev.outbox.relay.support.ChildRelay;
import dev.outbox.relay.support.EventWriter;
import dev.outbox.relay.support.ReceivedMessages;
import dev.outbox.relay.support.RelayEnvironment;
import dev.outbox.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two relays on one slot: one streams, the other waits on the advisory lock and takes over. */
class StandbyIT {

  static RelayEnvironment env;

  @BeforeAll
  static void environment() {
    env = new RelayEnvironment("standby");
  }

  @AfterAll
  static void drop() {
    if (env != null) {
      env.close();
    }
  }

  @Test
  void standby_takes_over_within_five_seconds_when_the_active_relay_is_killed() throws Exception {
    Map<String, String> vars = env.env();
    vars.put("CDC_SLOT_NAME", TestDatabase.uniqueName("killed"));
    ReceivedMessages received = env.queue("killed.#");
    EventWriter writer = new EventWriter(env, "killed.happened", 10, 200);
    try (ChildRelay active = ChildRelay.start("active", vars);
        Relay standby = startWhenActiveStreams(active, RelayEnvironment.config(vars))) {
      assertThat(standby.awaitStreaming(Duration.ofSeconds(1))).isFalse();
      writer.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> received.distinct("killed.") >= 300);

      active.kill();
      long killedAt = System.nanoTime();
      assertThat(standby.awaitStreaming(Duration.ofSeconds(5))).isTrue();
      long takeoverMillis = (System.nanoTime() - killedAt) / 1_000_000;
      writer.join();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> received.distinct("killed.") == writer.total());

      assertThat(received.sequencesByAggregate("killed.").values())
          .allSatisfy(seq -> assertThat(seq).isSorted().hasSize(200));
      received.all().stream()
          .collect(java.util.stream.Collectors.groupingBy(r -> r.id()))
          .values()
          .stream()
          .filter(list -> list.size() > 1)
          .limit(3)
          .forEach(
              list ->
                  System.out.println(
                      "duplicate "
                          + list.get(0).id()
                          + " lsn "
                          + list.stream().map(r -> r.header("lsn")).toList()));
      System.out.printf(
          "standby IT: took over %d ms after SIGKILL; %d events, %d duplicates%n",
          takeoverMillis, writer.total(), received.count("killed.") - writer.total());
    }
  }

  @Test
  void standby_takes_over_when_the_active_relay_is_closed() throws Exception {
    Map<String, String> vars = env.env();
    vars.put("CDC_SLOT_NAME", TestDatabase.uniqueName("closed"));
    RelayConfig config = RelayEnvironment.config(vars);
    ReceivedMessages received = env.queue("closed.#");
    try (Relay first = Relay.start(config, env.dataSource, new SimpleMeterRegistry());
        Relay second = Relay.start(config, env.dataSource, new SimpleMeterRegistry())) {
      await().atMost(Duration.ofSeconds(60)).until(() -> first.isActive() || second.isActive());
      Relay active = first.isActive() ? first : second;
      Relay standby = active == first ? second : first;
      assertThat(active.awaitStreaming(Duration.ofSeconds(60))).isTrue();
      assertThat(standby.isActive()).isFalse();

      active.close();
      assertThat(standby.awaitStreaming(Duration.ofSeconds(5))).isTrue();
      java.util.UUID id =
          env.insert(java.util.UUID.randomUUID().toString(), "closed.happened", "{}");
      await().atMost(Duration.ofSeconds(30)).until(() -> received.byId(id) != null);
    }
  }

  private static Relay startWhenActiveStreams(ChildRelay active, RelayConfig config)
      throws InterruptedException {
    assertThat(active.awaitStreaming(60)).isTrue();
    return Relay.start(config, env.dataSource, new SimpleMeterRegistry());
  }
}
