package dev.outbox.relay.capture;

import dev.outbox.relay.model.OutboxMessage;
import dev.outbox.relay.store.OutboxRows;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@link DeliveryRows} as the relay's JDBC writes to outbox_events ({@link OutboxRows}). An adapter
 * rather than {@code OutboxRows implements DeliveryRows}: the store package would then depend on
 * capture, which depends on store.
 */
final class JdbcDeliveryRows implements DeliveryRows {

  private final OutboxRows rows;

  JdbcDeliveryRows(DataSource dataSource) {
    this(new OutboxRows(dataSource));
  }

  JdbcDeliveryRows(OutboxRows rows) {
    this.rows = rows;
  }

  @Override
  public Set<UUID> markPublished(List<OutboxMessage> messages) throws SQLException {
    return rows.markPublished(messages);
  }

  @Override
  public boolean recordFailure(OutboxMessage message, String error, int maxRetries)
      throws SQLException {
    return rows.recordFailure(message, error, maxRetries);
  }
}
