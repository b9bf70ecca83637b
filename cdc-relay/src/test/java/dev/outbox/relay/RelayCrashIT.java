package dev.outbox.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outbox.relay.support.ChildRelay;
import dev.outbox.relay.support.EventWriter;
import dev.outbox.relay.support.ReceivedMessages;
import dev.outbox.relay.support.RelayEnvironment;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The relay as a child JVM, killed with SIGKILL mid-stream and started again. */
class RelayCrashIT {

  static RelayEnvironment env;

  @BeforeAll
  static void environment() {
    env = new RelayEnvironment("crash");
  }

  @AfterAll
  static void drop() {
    if (env != null) {
      env.close();
    }
  }

  @Test
  void relay_killed_mid_stream_and_restarted_delivers_every_event_in_order() throws Exception {
    ReceivedMessages received = env.queue("crash.#");
    EventWriter writer = new EventWriter(env, "crash.happened", 20, 150);
    int duplicates;
    try (ChildRelay first = ChildRelay.start("relay-1", env.env())) {
      assertThat(first.awaitStreaming(60)).isTrue();
      writer.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> received.distinct("crash.") >= 500);
      first.kill();
    }
    int deliveredBeforeKill = received.distinct("crash.");
    try (ChildRelay second = ChildRelay.start("relay-2", env.env())) {
      assertThat(second.awaitStreaming(60)).isTrue();
      writer.join();
      try {
        await()
            .atMost(Duration.ofSeconds(90))
            .until(
                () ->
                    received.distinct("crash.") == writer.total() && env.outbox.unpublished() == 0);
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        System.out.printf(
            "relay crash IT timed out: written %d, distinct %d, deliveries %d, unpublished rows"
                + " %d, sequences %s%n",
            writer.written(),
            received.distinct("crash."),
            received.count("crash."),
            env.outbox.unpublished(),
            received.sequencesByAggregate("crash.").values().stream()
                .map(s -> s.size() + ":" + (s.isEmpty() ? -1 : s.get(s.size() - 1)))
                .toList());
        throw e;
      }
      duplicates = received.count("crash.") - writer.total();
      assertThat(second.terminate()).as("exit code after SIGTERM").isIn(0, 143);
    }

    assertThat(deliveredBeforeKill).isLessThan(writer.total());
    assertThat(received.sequencesByAggregate("crash.").values())
        .hasSize(20)
        .allSatisfy(seq -> assertThat(seq).isSorted().hasSize(150));
    System.out.printf(
        "relay crash IT: %d events, %d delivered before SIGKILL, %d duplicates after restart%n",
        writer.total(), deliveredBeforeKill, duplicates);
  }
}
