package dev.outbox.relay.capture;

import dev.outbox.relay.config.SlotLossPolicy;
import dev.outbox.relay.metrics.RelayMetrics;
import dev.outbox.relay.model.Lsns;
import dev.outbox.relay.model.SlotLoss;
import dev.outbox.relay.replay.ReplayRequests;
import dev.outbox.relay.store.ReplicationSlots;
import dev.outbox.relay.store.SlotLosses;
import dev.outbox.relay.store.StoredOffsets;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the relay does when the position it stored can no longer be streamed, because its slot is
 * missing or invalidated ({@link SlotLoss.Cause}), as CDC_SLOT_LOSS says.
 *
 * <p>{@code recover}: the same first start again as {@link FirstSnapshotRestart}'s, for the same
 * reason it is safe: the rows, not the slot, say what is still to be published. The stored offset
 * is forgotten and the loss recorded in one transaction, open WAL replays are finished with the
 * reason (their WAL is gone), what is left of the slot is dropped; then Debezium creates a new
 * slot, its snapshot publishes every row with {@code published_at IS NULL} and not parked, in
 * {@code commit_seq} order, and streaming goes on from the new slot. What was delivered but not yet
 * marked before the loss goes out again (at least once; consumers dedup by event id).
 *
 * <p>{@code stop}: records the loss and throws {@link SlotLossStop}; nothing is touched.
 */
final class SlotLossRecovery {

  private static final Logger log = LoggerFactory.getLogger(SlotLossRecovery.class);

  private final DataSource dataSource;
  private final SlotLossPolicy policy;
  private final RelayMetrics metrics;

  SlotLossRecovery(DataSource dataSource, SlotLossPolicy policy, RelayMetrics metrics) {
    this.dataSource = dataSource;
    this.policy = policy;
    this.metrics = metrics;
  }

  /**
   * Handles the loss of {@code stored} on {@code slot}; the caller holds the slot's advisory lock.
   *
   * @return the loss as recorded, after the recovery's steps (the engine may start)
   * @throws SlotLossStop when CDC_SLOT_LOSS is stop
   */
  SlotLoss handle(Connection c, String slot, SlotLoss.Cause cause, StoredOffsets.Stored stored)
      throws SQLException {
    String position = Lsns.format(stored.position());
    if (policy == SlotLossPolicy.STOP) {
      SlotLoss loss = SlotLosses.record(c, slot, cause, position, SlotLoss.Action.STOPPED);
      log.error(
          "slot {}: the stored WAL position {} can no longer be streamed: {}. CDC_SLOT_LOSS=stop:"
              + " the relay streams nothing and is not ready; slot and position are left as they"
              + " are, {} unpublished events wait. To recover, restart the relay with"
              + " CDC_SLOT_LOSS=recover (a new slot, every unpublished event published again)",
          slot,
          position,
          cause.meaning(),
          loss.unpublished());
      metrics.slotLossStopped(true);
      throw new SlotLossStop(loss);
    }
    SlotLoss loss = forgetAndRecord(c, slot, cause, position);
    log.error(
        "slot {}: the stored WAL position {} can no longer be streamed: {}. CDC_SLOT_LOSS=recover:"
            + " dropping what is left of the slot, creating a new one and publishing all {}"
            + " unpublished events from its snapshot in commit order per aggregate, then"
            + " streaming from it; events delivered but not yet marked published may be sent"
            + " again",
        slot,
        position,
        cause.meaning(),
        loss.unpublished());
    int abandoned =
        new ReplayRequests(dataSource)
            .abandon(
                slot,
                "slot "
                    + slot
                    + " was lost during the replay ("
                    + cause.meaning()
                    + "); ask again: it is served from the outbox rows");
    if (abandoned > 0) {
      log.warn("slot {}: {} open WAL replay requests finished with an error", slot, abandoned);
    }
    ReplicationSlots.drop(c, slot, FirstSnapshotRestart.SLOT_RELEASE_WAIT);
    metrics.slotRecovered();
    return loss;
  }

  // One transaction: a crash after it is a first start (the slot, if left, is recreated as one
  // without a position), a crash before it finds the same loss again.
  private static SlotLoss forgetAndRecord(
      Connection c, String slot, SlotLoss.Cause cause, String position) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      SlotLoss loss = SlotLosses.record(c, slot, cause, position, SlotLoss.Action.RECOVERED);
      StoredOffsets.forget(c, slot);
      c.commit();
      return loss;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }
}
