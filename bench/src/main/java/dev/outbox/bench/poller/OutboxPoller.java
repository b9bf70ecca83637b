package dev.outbox.bench.poller;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * One poll of the seed's worker: claim up to a batch of unpublished rows (FOR UPDATE SKIP LOCKED,
 * oldest first, through the seed's partial index), publish them persistent with publisher confirms,
 * and mark them published only after the broker confirmed, all in the claiming transaction.
 * Confirms are awaited once per batch rather than per row: a kinder baseline than the seed's
 * row-by-row loop, never a slower one.
 */
final class OutboxPoller {

  private static final String CLAIM =
      "select id, aggregate_type, aggregate_id, event_type, payload::text, created_at"
          + " from outbox_events where published_at is null"
          + " order by created_at limit ? for update skip locked";
  private static final String MARK =
      "update outbox_events set published_at = clock_timestamp() where id = any(?)";

  private final Connection db;
  private final Channel channel;
  private final String exchange;
  private final int batchSize;

  OutboxPoller(Connection db, Channel channel, String exchange, int batchSize) throws IOException {
    this.db = db;
    this.channel = channel;
    this.exchange = exchange;
    this.batchSize = batchSize;
    channel.confirmSelect();
  }

  /** Publishes one batch; the number of rows published. */
  int pollOnce() throws SQLException, IOException, InterruptedException, TimeoutException {
    List<UUID> ids = new ArrayList<>(batchSize);
    try (PreparedStatement claim = db.prepareStatement(CLAIM)) {
      claim.setInt(1, batchSize);
      try (ResultSet rows = claim.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getObject(1, UUID.class));
          publish(rows);
        }
      }
      if (ids.isEmpty()) {
        db.commit();
        return 0;
      }
      channel.waitForConfirmsOrDie(30_000);
      try (PreparedStatement mark = db.prepareStatement(MARK)) {
        mark.setArray(1, db.createArrayOf("uuid", ids.toArray()));
        mark.executeUpdate();
      }
      db.commit();
      return ids.size();
    } catch (SQLException | IOException | InterruptedException | TimeoutException e) {
      db.rollback();
      throw e;
    }
  }

  private void publish(ResultSet row) throws SQLException, IOException {
    String id = row.getString(1);
    String type = row.getString(4);
    var createdAt = row.getTimestamp(6);
    String body =
        "{\"id\":\""
            + id
            + "\",\"type\":\""
            + type
            + "\",\"aggregate_type\":\""
            + row.getString(2)
            + "\",\"aggregate_id\":\""
            + row.getString(3)
            + "\",\"occurred_at\":\""
            + createdAt.toInstant()
            + "\",\"payload\":"
            + row.getString(5)
            + "}";
    var props =
        new AMQP.BasicProperties.Builder()
            .contentType("application/json")
            .deliveryMode(2)
            .messageId(id)
            .type(type)
            .timestamp(createdAt)
            .headers(Map.of("aggregate_type", row.getString(2), "aggregate_id", row.getString(3)))
            .build();
    channel.basicPublish(exchange, type, props, body.getBytes(StandardCharsets.UTF_8));
  }
}
