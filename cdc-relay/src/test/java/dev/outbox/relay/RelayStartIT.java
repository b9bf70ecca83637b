package dev.outbox.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import dev.outbox.config.EventExchange;
import dev.outbox.config.health.Check;
import dev.outbox.relay.support.RelayEnvironment;
import dev.outbox.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The relay connects to the broker at start: the exchange topology exists as soon as {@link
 * Relay#start} returns, before any event, so an independent consumer can bind to it; and the
 * readiness it reports is the active relay's, delivering.
 */
class RelayStartIT {

  private RelayEnvironment env;

  @AfterEach
  void cleanUp() {
    if (env != null) {
      env.close();
    }
  }

  @Test
  void the_exchange_exists_when_start_returns_and_the_idle_relay_is_ready() throws Exception {
    env = new RelayEnvironment("relay_start");
    String exchange = TestDatabase.uniqueName("fresh_events");
    env.declared().eventExchange(exchange);
    Map<String, String> vars = env.env();
    vars.put("EVENT_BUS_EXCHANGE", exchange);

    try (Relay relay =
        Relay.start(RelayEnvironment.config(vars), env.dataSource, new SimpleMeterRegistry())) {
      try (Channel channel = env.channel()) {
        channel.exchangeDeclarePassive(exchange);
        channel.queueDeclarePassive(EventExchange.unroutableName(exchange));
      }
      assertThat(relay.awaitStreaming(Duration.ofSeconds(60))).isTrue();
      await().atMost(Duration.ofSeconds(30)).until(() -> relay.readiness().check().healthy());

      Check ready = relay.readiness().check();

      assertThat(relay.readiness().name()).isEqualTo("relay");
      assertThat(ready.details())
          .containsEntry("role", "active")
          .containsEntry("streaming", true)
          .containsEntry("broker", "connected")
          .containsEntry("delivering", true);
    }
  }
}
