package dev.outbox.relay.capture;

import dev.outbox.relay.config.RelayConfig;
import dev.outbox.relay.metrics.RelayMetrics;
import dev.outbox.relay.model.OutboxMessage;
import dev.outbox.relay.publish.MessagePublisher;
import dev.outbox.relay.store.OutboxRows;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Re-drives parked events (those the broker refused OUTBOX_MAX_RETRIES times) once the cause is
 * fixed. They are read from their rows and published on a connection of their own, oldest first;
 * one that fails again starts counting its attempts anew and is parked again after
 * OUTBOX_MAX_RETRIES.
 */
public final class ParkedEvents {

  private final RelayConfig config;
  private final DataSource dataSource;
  private final RelayMetrics metrics;

  public ParkedEvents(RelayConfig config, DataSource dataSource, RelayMetrics metrics) {
    this.config = config;
    this.dataSource = dataSource;
    this.metrics = metrics;
  }

  /**
   * Publishes the parked event {@code id}, or every parked event when {@code id} is null.
   *
   * @return how many were confirmed by the broker and marked published
   * @throws IllegalStateException when the database cannot be read
   */
  public int redrive(UUID id) throws InterruptedException {
    OutboxRows rows = new OutboxRows(dataSource);
    List<OutboxMessage> parked;
    try {
      parked = rows.parked(id);
      rows.unpark(id);
    } catch (SQLException e) {
      throw new IllegalStateException("reading parked events failed", e);
    }
    if (parked.isEmpty()) {
      return 0;
    }
    try (MessagePublisher publisher = Publishers.rabbitMq(config)) {
      BatchDelivery delivery =
          new BatchDelivery(publisher, rows, metrics, config.maxRetries(), new Stopper());
      return delivery.deliver(parked).size();
    }
  }
}
