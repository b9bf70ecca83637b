package dev.outbox.notifier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Deliveries} in PostgreSQL. Each statement runs in auto-commit, so it is its own committed
 * transaction; the claim's conditional UPDATE is atomic under PostgreSQL's row lock, which is what
 * makes two concurrent claims yield one owner. Time comes from the injected clock, so tests can
 * expire leases without waiting.
 */
public final class JdbcDeliveries implements Deliveries {

  private static final Logger log = LoggerFactory.getLogger(JdbcDeliveries.class);

  private static final String INSERT_PENDING =
      "insert into notifier.deliveries (event_id, handler, event_type, channel, recipient,"
          + " template, provider, state, attempts, created_at, updated_at)"
          + " values (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)"
          + " on conflict (event_id, handler) do nothing";
  // The row is locked and read first so that the update knows the state it leaves: a takeover of
  // an expired SENDING lease is recorded as such. The second of two concurrent claims waits for
  // the lock and then sees the first one's valid lease.
  private static final String TAKE_LEASE =
      "with current as (select id, state from notifier.deliveries"
          + " where event_id = ? and handler = ? for update)"
          + " update notifier.deliveries d set state = 'SENDING', attempts = d.attempts + 1,"
          + " lease_until = ?, updated_at = ?, recipient = ?, provider = ?,"
          + " reconciliation = case when current.state = 'SENDING' then 'RESENT_WITHOUT_REPORT'"
          + " else d.reconciliation end"
          + " from current where d.id = current.id"
          + " and (current.state in ('PENDING', 'RETRY_SCHEDULED')"
          + " or (current.state = 'SENDING' and d.lease_until < ?)"
          + " or (? and current.state in ('FAILED_PERMANENT', 'GAVE_UP')))"
          + " returning d.id, d.attempts, current.state";
  // A SENDING row whose lease expired was left by an instance that died after its claim; if a
  // provider report exists for it, the provider got the message and the row only missed SENT.
  private static final String CONFIRM_BY_PROVIDER =
      "update notifier.deliveries d set state = 'SENT', reconciliation = 'CONFIRMED_BY_PROVIDER',"
          + " provider_message_id = coalesce(d.provider_message_id, (select e.provider_message_id"
          + " from notifier.provider_events e where e.delivery_id = d.id"
          + " and e.provider_message_id is not null order by e.occurred_at limit 1)),"
          + " lease_until = null, updated_at = ?, sent_at = ?"
          + " where d.event_id = ? and d.handler = ? and d.state = 'SENDING' and d.lease_until < ?"
          + " and exists (select 1 from notifier.provider_events e where e.delivery_id = d.id)"
          + " returning d.provider_message_id";
  private static final String FINISH =
      "update notifier.deliveries set state = ?, provider_message_id = coalesce(?,"
          + " provider_message_id), last_error = ?, lease_until = null, updated_at = ?,"
          + " sent_at = case when ? = 'SENT' then ? else sent_at end"
          + " where id = ? and attempts = ? and state = 'SENDING'";
  private final DataSource dataSource;
  private final Clock clock;
  private final Duration lease;
  private final Duration reconcileWindow;

  /**
   * @param reconcileWindow how long past an expired lease a provider report is waited for before
   *     the delivery is sent again
   */
  public JdbcDeliveries(
      DataSource dataSource, Clock clock, Duration lease, Duration reconcileWindow) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.lease = lease;
    this.reconcileWindow = reconcileWindow;
  }

  @Override
  public Claim claim(NewDelivery d, boolean redriven) {
    Timestamp now = Timestamp.from(clock.instant());
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      insertPending(c, d, now);
      Optional<Claim> confirmed = confirmByProvider(c, d, now);
      if (confirmed.isPresent()) {
        return confirmed.get();
      }
      Optional<Claim> leased = takeLease(c, d, now, redriven);
      return leased.isPresent() ? leased.get() : whyNot(c, d);
    } catch (SQLException e) {
      throw new DeliveryStoreException("claiming " + d.eventId() + "/" + d.handler(), e);
    }
  }

  private static void insertPending(Connection c, NewDelivery d, Timestamp now)
      throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(INSERT_PENDING)) {
      insert.setObject(1, d.eventId());
      insert.setString(2, d.handler());
      insert.setString(3, d.eventType());
      insert.setString(4, d.channel().name());
      insert.setString(5, d.recipient());
      insert.setString(6, d.template());
      insert.setString(7, d.provider());
      insert.setTimestamp(8, now);
      insert.setTimestamp(9, now);
      insert.executeUpdate();
    }
  }

  private static Optional<Claim> confirmByProvider(Connection c, NewDelivery d, Timestamp now)
      throws SQLException {
    try (PreparedStatement update = c.prepareStatement(CONFIRM_BY_PROVIDER)) {
      update.setTimestamp(1, now);
      update.setTimestamp(2, now);
      update.setObject(3, d.eventId());
      update.setString(4, d.handler());
      update.setTimestamp(5, now);
      try (ResultSet rs = update.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        log.info(
            "{} for event {}: its lease expired in SENDING, and a provider report shows the"
                + " provider accepted it; recorded as sent, not sent again",
            d.handler(),
            d.eventId());
        return Optional.of(new Claim.ConfirmedByProvider(rs.getString(1)));
      }
    }
  }

  private Optional<Claim> takeLease(Connection c, NewDelivery d, Timestamp now, boolean redriven)
      throws SQLException {
    try (PreparedStatement update = c.prepareStatement(TAKE_LEASE)) {
      update.setObject(1, d.eventId());
      update.setString(2, d.handler());
      update.setTimestamp(3, Timestamp.from(now.toInstant().plus(lease)));
      update.setTimestamp(4, now);
      update.setString(5, d.recipient());
      update.setString(6, d.provider());
      update.setTimestamp(7, Timestamp.from(now.toInstant().minus(reconcileWindow)));
      update.setBoolean(8, redriven);
      try (ResultSet rs = update.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        if (DeliveryState.SENDING.name().equals(rs.getString(3))) {
          log.warn(
              "{} for event {}: its lease expired in SENDING and no provider report came within"
                  + " {} after it; sending again (the earlier attempt may have been sent too)",
              d.handler(),
              d.eventId(),
              reconcileWindow);
        }
        return Optional.of(new Claim.Claimed(rs.getLong(1), rs.getInt(2)));
      }
    }
  }

  private static Claim whyNot(Connection c, NewDelivery d) throws SQLException {
    DeliveryRecord current =
        DeliveryRows.find(c, d.eventId(), d.handler())
            .orElseThrow(() -> new IllegalStateException("delivery row vanished: " + d));
    return switch (current.state()) {
      case SENT -> new Claim.AlreadySent(current.providerMessageId());
      case FAILED_PERMANENT, GAVE_UP -> new Claim.AlreadyFailed(current.lastError());
      default -> new Claim.Busy();
    };
  }

  @Override
  public boolean markSent(Claim.Claimed claim, String providerMessageId) {
    return finish(claim, DeliveryState.SENT, providerMessageId, null);
  }

  @Override
  public boolean markRetryScheduled(Claim.Claimed claim, String error) {
    return finish(claim, DeliveryState.RETRY_SCHEDULED, null, error);
  }

  @Override
  public boolean markFailedPermanently(Claim.Claimed claim, String error) {
    return finish(claim, DeliveryState.FAILED_PERMANENT, null, error);
  }

  @Override
  public boolean markGaveUp(Claim.Claimed claim, String error) {
    return finish(claim, DeliveryState.GAVE_UP, null, error);
  }

  private boolean finish(Claim.Claimed claim, DeliveryState state, String messageId, String error) {
    Timestamp now = Timestamp.from(clock.instant());
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(FINISH)) {
      c.setAutoCommit(true);
      s.setString(1, state.name());
      s.setString(2, messageId);
      s.setString(3, error);
      s.setTimestamp(4, now);
      s.setString(5, state.name());
      s.setTimestamp(6, now);
      s.setLong(7, claim.id());
      s.setInt(8, claim.attempt());
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new DeliveryStoreException("recording " + state + " for delivery " + claim.id(), e);
    }
  }

  @Override
  public Optional<DeliveryRecord> find(UUID eventId, String handler) {
    try (Connection c = dataSource.getConnection()) {
      return DeliveryRows.find(c, eventId, handler);
    } catch (SQLException e) {
      throw new DeliveryStoreException("reading " + eventId + "/" + handler, e);
    }
  }
}
