package dev.outbox.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.outbox.json.Json;
import java.io.UncheckedIOException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The {@code outbox_events} rows of a test database as the tests of every module look at them: how
 * many there are, how many the relay has not marked published, and one aggregate's events.
 */
public final class OutboxRows {

  /** One outbox row; {@code payload} is the jsonb column as JSON. */
  public record Row(
      String id, String aggregateType, String aggregateId, String eventType, JsonNode payload) {}

  private final Rows rows;

  public OutboxRows(DataSource dataSource) {
    this.rows = new Rows(dataSource);
  }

  /** Every outbox row, published or not. */
  public long count() {
    return rows.count("select count(*) from outbox_events");
  }

  /** Rows the relay has not marked published yet (parked rows included). */
  public long unpublished() {
    return rows.count("select count(*) from outbox_events where published_at is null");
  }

  /** The rows of one aggregate, in the order they were written. */
  public List<Row> of(String aggregateId) {
    return rows
        .list(
            "select id::text, aggregate_type, aggregate_id::text, event_type, payload::text"
                + " from outbox_events where aggregate_id = ?::uuid order by created_at, id",
            aggregateId)
        .stream()
        .map(
            r ->
                new Row(
                    (String) r.get("id"),
                    (String) r.get("aggregate_type"),
                    (String) r.get("aggregate_id"),
                    (String) r.get("event_type"),
                    json((String) r.get("payload"))))
        .toList();
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
