package dev.outbox.relay.publish;

import com.rabbitmq.client.impl.MicrometerMetricsCollector;
import dev.outbox.config.EventBusSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The AMQP client's own meters ({@code rabbitmq_connections}, {@code rabbitmq_published_total},
 * {@code rabbitmq_acknowledged_published_total}, ...) for every connection the relay opens, told
 * apart from the notifier's in {@code all} by the tag {@code client="relay"}.
 */
public final class BrokerMeters {

  private BrokerMeters() {}

  public static EventBusSettings metered(EventBusSettings bus, MeterRegistry registry) {
    return bus.metered(
        new MicrometerMetricsCollector(registry, "rabbitmq", Tags.of("client", "relay")));
  }
}
