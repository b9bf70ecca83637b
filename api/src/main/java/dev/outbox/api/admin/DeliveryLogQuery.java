package dev.outbox.api.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The delivery log of one event, for {@code GET /admin/deliveries} and the CLI's {@code deliveries
 * show}: the notifier's rows ({@code notifier.deliveries}) with the provider reports the webhooks
 * recorded, read by table as the other admin routes read the relay's. Recipients are left out.
 */
public final class DeliveryLogQuery {

  private static final String DELIVERIES =
      "select id, handler, channel, provider, provider_message_id, state, attempts, last_error,"
          + " provider_status, provider_status_at, provider_error_code, reconciliation,"
          + " created_at, updated_at, sent_at"
          + " from notifier.deliveries where event_id = ? order by handler";
  private static final String REPORTS =
      "select e.delivery_id, e.status, e.raw_status, e.error_code, e.provider_message_id,"
          + " e.occurred_at, e.received_at from notifier.provider_events e"
          + " join notifier.deliveries d on d.id = e.delivery_id"
          + " where d.event_id = ? order by e.occurred_at, e.id";

  // The statuses of ProviderStatus that are permanent failures.
  private static final String PERMANENT_FAILURES =
      "select count(*) from notifier.deliveries"
          + " where provider_status in ('bounced', 'dropped', 'undelivered', 'failed')";

  /** One provider report. */
  public record Report(
      String status,
      String rawStatus,
      String errorCode,
      String providerMessageId,
      Instant occurredAt,
      Instant receivedAt) {}

  /**
   * One delivery with its provider reports, oldest first; {@code providerStatus} is the latest
   * delivery status they gave, {@code reconciliation} how a crash in SENDING was resolved.
   */
  public record Delivery(
      String handler,
      String channel,
      String provider,
      String providerMessageId,
      String state,
      int attempts,
      String lastError,
      String providerStatus,
      Instant providerStatusAt,
      String providerErrorCode,
      String reconciliation,
      Instant createdAt,
      Instant updatedAt,
      Instant sentAt,
      List<Report> reports) {}

  /** The deliveries of one event, by handler; empty when the event caused none. */
  public record EventDeliveries(UUID eventId, List<Delivery> deliveries) {}

  private final DataSource dataSource;

  public DeliveryLogQuery(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The number of deliveries whose provider reported that it gave up on the message. */
  public long permanentFailures() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(PERMANENT_FAILURES);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  public EventDeliveries of(UUID eventId) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      Map<Long, List<Report>> reports = reports(c, eventId);
      List<Delivery> deliveries = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(DELIVERIES)) {
        s.setObject(1, eventId);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            deliveries.add(delivery(rs, reports.getOrDefault(rs.getLong("id"), List.of())));
          }
        }
      }
      return new EventDeliveries(eventId, deliveries);
    }
  }

  private static Map<Long, List<Report>> reports(Connection c, UUID eventId) throws SQLException {
    Map<Long, List<Report>> byDelivery = new LinkedHashMap<>();
    try (PreparedStatement s = c.prepareStatement(REPORTS)) {
      s.setObject(1, eventId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          byDelivery
              .computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
              .add(
                  new Report(
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      instant(rs.getTimestamp(6)),
                      instant(rs.getTimestamp(7))));
        }
      }
    }
    return byDelivery;
  }

  private static Delivery delivery(ResultSet rs, List<Report> reports) throws SQLException {
    return new Delivery(
        rs.getString("handler"),
        rs.getString("channel"),
        rs.getString("provider"),
        rs.getString("provider_message_id"),
        rs.getString("state"),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        rs.getString("provider_status"),
        instant(rs.getTimestamp("provider_status_at")),
        rs.getString("provider_error_code"),
        rs.getString("reconciliation"),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("updated_at")),
        instant(rs.getTimestamp("sent_at")),
        List.copyOf(reports));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
