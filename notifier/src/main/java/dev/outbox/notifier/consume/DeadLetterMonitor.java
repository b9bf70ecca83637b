package dev.outbox.notifier.consume;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the depth of each work queue's dead-letter queue into {@code
 * notifier_dead_letter_messages{queue="<q>.dlq"}} (registered at zero), on the notifier's schedule:
 * a scrape reads the last sample and never waits on the broker. A growing depth means deliveries
 * that gave up and wait for {@code dlq redrive}.
 */
public final class DeadLetterMonitor implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterMonitor.class);

  private final Connection connection;
  private final Map<String, AtomicLong> depths = new LinkedHashMap<>();

  public DeadLetterMonitor(Connection connection, List<String> workQueues, MeterRegistry meters) {
    this.connection = connection;
    for (String queue : workQueues) {
      AtomicLong depth = new AtomicLong();
      String dlq = QueueNames.deadLetter(queue);
      depths.put(dlq, depth);
      Gauge.builder("notifier.dead_letter.messages", depth, AtomicLong::get)
          .tag("queue", dlq)
          .description("messages in the dead-letter queue at the last sample")
          .register(meters);
    }
  }

  @Override
  public void run() {
    // A channel per sample: a passive declare of a queue someone deleted closes its channel.
    try (Channel channel = connection.createChannel()) {
      for (Map.Entry<String, AtomicLong> entry : depths.entrySet()) {
        entry.getValue().set(channel.queueDeclarePassive(entry.getKey()).getMessageCount());
      }
    } catch (IOException | TimeoutException | RuntimeException e) {
      // The broker's outages are the consumers' to report; the gauges keep their last sample.
      log.debug("dead-letter queue sample failed: {}", e.getMessage());
    }
  }
}
