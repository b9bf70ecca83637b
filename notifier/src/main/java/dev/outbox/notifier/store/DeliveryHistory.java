package dev.outbox.notifier.store;

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
 * The delivery log of one event as operators read it ({@code deliveries show}): each delivery row
 * with the provider's status reports, oldest first. Recipients are left out, as in the logs.
 */
public final class DeliveryHistory {

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

  /** One status report of the provider, as the webhook recorded it. */
  public record Report(
      String status,
      String rawStatus,
      String errorCode,
      String providerMessageId,
      Instant occurredAt,
      Instant receivedAt) {}

  /** One delivery row with its reports; {@code providerStatus} is the latest report's status. */
  public record Delivery(
      String handler,
      String channel,
      String provider,
      String providerMessageId,
      DeliveryState state,
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

  private final DataSource dataSource;

  public DeliveryHistory(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The deliveries of {@code eventId} by handler; empty when the event caused none. */
  public List<Delivery> of(UUID eventId) {
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
      return deliveries;
    } catch (SQLException e) {
      throw new DeliveryStoreException("reading the deliveries of event " + eventId, e);
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
        DeliveryState.valueOf(rs.getString("state")),
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
