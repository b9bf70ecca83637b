package dev.outbox.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outbox.relay.config.RelayConfig;
import dev.outbox.relay.support.EventWriter;
import dev.outbox.relay.support.ReceivedMessages;
import dev.outbox.relay.support.RelayEnvironment;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A relay stopped cleanly acknowledges everything it delivered, so the next one sends nothing
 * twice. A first run stores an offset (without one, a new relay would snapshot the unpublished rows
 * instead of reading the WAL); then the periodic offset commit is pushed out of the test's reach,
 * so only the stop can acknowledge the events.
 */
class CleanRestartIT {

  @Test
  void a_relay_stopped_cleanly_and_started_again_sends_nothing_twice() throws Exception {
    try (RelayEnvironment env = new RelayEnvironment("restart")) {
      ReceivedMessages received = env.queue("restart.#");
      Relay initial = Relay.start(env.config(), env.dataSource, new SimpleMeterRegistry());
      try {
        assertThat(initial.awaitStreaming(Duration.ofSeconds(60))).isTrue();
        env.insert(UUID.randomUUID().toString(), "restart.before", "{\"seq\":0}");
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> env.rows.count("SELECT count(*) FROM relay_offsets") > 0);
      } finally {
        initial.close();
      }
      Map<String, String> vars = env.env();
      vars.put("CDC_OFFSET_FLUSH_INTERVAL", "1h");
      RelayConfig config = RelayEnvironment.config(vars);

      Relay first = Relay.start(config, env.dataSource, new SimpleMeterRegistry());
      EventWriter writer = new EventWriter(env, "restart.happened", 4, 50);
      try {
        assertThat(first.awaitStreaming(Duration.ofSeconds(60))).isTrue();
        writer.start().join();
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    received.distinct("restart.") == writer.total() + 1
                        && env.outbox.unpublished() == 0);
      } finally {
        first.close();
      }

      Relay second = Relay.start(config, env.dataSource, new SimpleMeterRegistry());
      try {
        assertThat(second.awaitStreaming(Duration.ofSeconds(60))).isTrue();
        env.insert(UUID.randomUUID().toString(), "restart.after", "{\"seq\":0}");
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> received.distinct("restart.") == writer.total() + 2);
      } finally {
        second.close();
      }
      assertThat(received.count("restart.")).isEqualTo(writer.total() + 2);
    }
  }
}
