package dev.outbox.relay.capture;

import dev.outbox.relay.config.RelayConfig;
import dev.outbox.relay.metrics.RelayMetrics;
import dev.outbox.relay.model.OutboxMessage;
import dev.outbox.relay.publish.MessagePublisher;
import dev.outbox.relay.replay.Republisher;
import java.util.List;
import javax.sql.DataSource;

/**
 * The capture's {@link SynchronousDelivery} for events read from their rows (a replay from the
 * rows), on a publisher of its own: the same confirms, backoff and publish marks as the change
 * stream's.
 */
public final class RowRepublisher implements Republisher {

  private final MessagePublisher publisher;
  private final SynchronousDelivery delivery;

  public RowRepublisher(RelayConfig config, DataSource dataSource, RelayMetrics metrics) {
    this.publisher = Publishers.rabbitMq(config);
    this.delivery =
        new SynchronousDelivery(
            publisher, new JdbcDeliveryRows(dataSource), metrics, config.maxRetries());
  }

  @Override
  public int publish(List<OutboxMessage> events) throws InterruptedException {
    return delivery.deliver(events).size();
  }

  @Override
  public void close() {
    publisher.close();
  }
}
