package dev.outbox.core.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One row of {@code outbox_events}, inserted (never updated by core) in the transaction of the
 * aggregate change that raised the event. The relay owns the publishing columns: core maps {@code
 * published_at}, {@code retry_count} and {@code last_error} read-only (never inserted or updated,
 * so the defaults apply) to show delivery progress, and leaves {@code published_lsn} and {@code
 * parked_at} unmapped.
 */
@Entity
@Table(name = "outbox_events")
public class OutboxEvent {

  @Id private UUID id;

  @Column(name = "aggregate_type", nullable = false)
  private String aggregateType;

  @Column(name = "aggregate_id", nullable = false)
  private UUID aggregateId;

  @Column(name = "event_type", nullable = false)
  private String eventType;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  private Map<String, Object> payload;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** The W3C traceparent of the request that raised the event; null when untraced. */
  @Column(name = "traceparent", updatable = false)
  private String traceparent;

  @Column(name = "published_at", insertable = false, updatable = false)
  private Instant publishedAt;

  @Column(name = "retry_count", insertable = false, updatable = false)
  private Integer retryCount;

  @Column(name = "last_error", insertable = false, updatable = false)
  private String lastError;

  // for Hibernate
  OutboxEvent() {}

  OutboxEvent(
      UUID id,
      String aggregateType,
      UUID aggregateId,
      String eventType,
      Map<String, Object> payload,
      Instant createdAt,
      String traceparent) {
    this.id = id;
    this.aggregateType = aggregateType;
    this.aggregateId = aggregateId;
    this.eventType = eventType;
    this.payload = payload;
    this.createdAt = createdAt;
    this.traceparent = traceparent;
  }

  public UUID id() {
    return id;
  }

  public String aggregateType() {
    return aggregateType;
  }

  public UUID aggregateId() {
    return aggregateId;
  }

  public String eventType() {
    return eventType;
  }

  /** The payload as the JSON object stored in the jsonb column (snake_case keys). */
  public Map<String, Object> payload() {
    return payload;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** The W3C traceparent stored with the row; empty when the event was raised untraced. */
  public Optional<String> traceparent() {
    return Optional.ofNullable(traceparent);
  }

  /** When the relay had the broker confirm the message; empty until then. */
  public Optional<Instant> publishedAt() {
    return Optional.ofNullable(publishedAt);
  }

  /** Failed publish attempts so far, as the relay counts them (0 on a fresh row). */
  public int retryCount() {
    return retryCount == null ? 0 : retryCount;
  }

  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }
}
