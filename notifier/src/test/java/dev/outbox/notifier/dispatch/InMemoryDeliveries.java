package dev.outbox.notifier.dispatch;

import dev.outbox.notifier.store.Claim;
import dev.outbox.notifier.store.Deliveries;
import dev.outbox.notifier.store.DeliveryRecord;
import dev.outbox.notifier.store.DeliveryState;
import dev.outbox.notifier.store.DeliveryStoreException;
import dev.outbox.notifier.store.NewDelivery;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link Deliveries} in a map, with leases that never expire unless {@link #expireAll()}. */
final class InMemoryDeliveries implements Deliveries {

  private record Key(UUID eventId, String handler) {}

  private static final class Row {
    final long id;
    final NewDelivery delivery;
    DeliveryState state = DeliveryState.PENDING;
    int attempts;
    String providerMessageId;
    String lastError;
    boolean leaseExpired;

    Row(long id, NewDelivery delivery) {
      this.id = id;
      this.delivery = delivery;
    }
  }

  private final Map<Key, Row> rows = new HashMap<>();
  private boolean recordsOfSentFail;

  @Override
  public synchronized Claim claim(NewDelivery delivery, boolean redriven) {
    Row row =
        rows.computeIfAbsent(
            new Key(delivery.eventId(), delivery.handler()),
            k -> new Row(rows.size() + 1, delivery));
    boolean claimable =
        row.state == DeliveryState.PENDING
            || row.state == DeliveryState.RETRY_SCHEDULED
            || (row.state == DeliveryState.SENDING && row.leaseExpired)
            || (redriven
                && (row.state == DeliveryState.FAILED_PERMANENT
                    || row.state == DeliveryState.GAVE_UP));
    if (claimable) {
      row.state = DeliveryState.SENDING;
      row.leaseExpired = false;
      row.attempts++;
      return new Claim.Claimed(row.id, row.attempts);
    }
    return switch (row.state) {
      case SENT -> new Claim.AlreadySent(row.providerMessageId);
      case FAILED_PERMANENT, GAVE_UP -> new Claim.AlreadyFailed(row.lastError);
      default -> new Claim.Busy();
    };
  }

  synchronized void expireAll() {
    rows.values().forEach(row -> row.leaseExpired = true);
  }

  private synchronized boolean finish(
      Claim.Claimed claim, DeliveryState state, String messageId, String error) {
    for (Row row : rows.values()) {
      if (row.id == claim.id()
          && row.attempts == claim.attempt()
          && row.state == DeliveryState.SENDING) {
        row.state = state;
        row.providerMessageId = messageId == null ? row.providerMessageId : messageId;
        row.lastError = error;
        return true;
      }
    }
    return false;
  }

  /** From now on every record of SENT fails as it does while the database is unreachable. */
  synchronized void failRecordsOfSent() {
    recordsOfSentFail = true;
  }

  @Override
  public boolean markSent(Claim.Claimed claim, String providerMessageId) {
    synchronized (this) {
      if (recordsOfSentFail) {
        throw new DeliveryStoreException(
            "recording SENT for delivery " + claim.id(), new SQLException("connection refused"));
      }
    }
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

  @Override
  public synchronized Optional<DeliveryRecord> find(UUID eventId, String handler) {
    Row row = rows.get(new Key(eventId, handler));
    if (row == null) {
      return Optional.empty();
    }
    NewDelivery d = row.delivery;
    return Optional.of(
        new DeliveryRecord(
            eventId,
            handler,
            d.channel().name(),
            d.recipient(),
            d.template(),
            d.provider(),
            row.providerMessageId,
            row.state,
            row.attempts,
            null,
            row.lastError,
            null,
            null));
  }
}
