package dev.outbox.api.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Writes provider reports into the notifier's delivery log ({@code notifier.deliveries}, {@code
 * notifier.provider_events}, created by the notifier's migrations), the way the admin routes read
 * the relay's bookkeeping: by its tables, without depending on the notifier. Each report is one
 * transaction: find its delivery, keep the report once, and make it the delivery's provider status
 * unless a later or more final one is there already.
 */
final class DeliveryLogReports {

  /** What became of a report. */
  enum Result {
    RECORDED,
    DUPLICATE,
    UNKNOWN_DELIVERY
  }

  private static final String COLUMNS =
      "select id, provider_status, provider_status_at from notifier.deliveries";
  private static final String BY_HANDLER =
      COLUMNS + " where event_id = ? and handler = ? and provider = ? for update";
  private static final String BY_MESSAGE =
      COLUMNS + " where provider = ? and provider_message_id = ? for update";
  // Only an event with a single delivery at this provider can be matched by its id alone.
  private static final String BY_EVENT =
      COLUMNS + " where event_id = ? and provider = ? limit 2 for update";
  private static final String INSERT =
      "insert into notifier.provider_events (delivery_id, provider, event_key,"
          + " provider_message_id, status, raw_status, error_code, occurred_at, received_at)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (provider, event_key) do nothing";
  private static final String LATEST =
      "update notifier.deliveries set provider_status = ?, provider_status_at = ?,"
          + " provider_error_code = ? where id = ?";

  private record Match(long id, Optional<ProviderStatus> status, Instant at) {}

  private final DataSource dataSource;
  private final Clock clock;

  DeliveryLogReports(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  Result record(ProviderReport report) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Result result = record(c, report);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private Result record(Connection c, ProviderReport report) throws SQLException {
    Optional<Match> match = find(c, report);
    if (match.isEmpty()) {
      return Result.UNKNOWN_DELIVERY;
    }
    if (!insert(c, match.get().id(), report)) {
      return Result.DUPLICATE;
    }
    if (supersedes(report, match.get())) {
      try (PreparedStatement s = c.prepareStatement(LATEST)) {
        s.setString(1, report.status().label());
        s.setTimestamp(2, Timestamp.from(report.occurredAt()));
        s.setString(3, report.errorCode().orElse(null));
        s.setLong(4, match.get().id());
        s.executeUpdate();
      }
    }
    return Result.RECORDED;
  }

  private static boolean supersedes(ProviderReport report, Match current) {
    int rank = report.status().rank();
    if (rank == 0) {
      return false;
    }
    if (current.status().isEmpty()) {
      return true;
    }
    int currentRank = current.status().get().rank();
    return rank > currentRank
        || (rank == currentRank && !report.occurredAt().isBefore(current.at()));
  }

  private static Optional<Match> find(Connection c, ProviderReport r) throws SQLException {
    if (r.eventId().isPresent() && r.handler().isPresent()) {
      Optional<Match> match =
          one(c, BY_HANDLER, r.eventId().get(), r.handler().get(), r.provider());
      if (match.isPresent()) {
        return match;
      }
    }
    if (r.providerMessageId() != null) {
      Optional<Match> match = one(c, BY_MESSAGE, r.provider(), sentMessageId(r));
      if (match.isPresent()) {
        return match;
      }
    }
    return r.eventId().isPresent()
        ? one(c, BY_EVENT, r.eventId().get(), r.provider())
        : Optional.empty();
  }

  // SendGrid's sg_message_id is the X-Message-Id the notifier recorded, then ".filter..." etc.
  private static String sentMessageId(ProviderReport r) {
    String id = r.providerMessageId();
    int filter = id.indexOf(".filter");
    return filter > 0 ? id.substring(0, filter) : id;
  }

  private static Optional<Match> one(Connection c, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String status = rs.getString(2);
        Timestamp at = rs.getTimestamp(3);
        Match match =
            new Match(
                rs.getLong(1),
                Optional.ofNullable(status)
                    .map(text -> ProviderStatus.valueOf(text.toUpperCase(Locale.ROOT))),
                at == null ? Instant.EPOCH : at.toInstant());
        return rs.next() ? Optional.empty() : Optional.of(match);
      }
    }
  }

  private boolean insert(Connection c, long deliveryId, ProviderReport r) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(INSERT)) {
      s.setLong(1, deliveryId);
      s.setString(2, r.provider());
      s.setString(3, r.eventKey());
      s.setString(4, r.providerMessageId());
      s.setString(5, r.status().label());
      s.setString(6, r.rawStatus());
      s.setString(7, r.errorCode().orElse(null));
      s.setTimestamp(8, Timestamp.from(r.occurredAt()));
      s.setTimestamp(9, Timestamp.from(clock.instant()));
      return s.executeUpdate() == 1;
    }
  }
}
