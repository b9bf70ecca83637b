package dev.outbox.relay.capture;

import dev.outbox.relay.model.SlotLoss;
import dev.outbox.relay.store.ReplicationSlots;
import dev.outbox.relay.store.StoredOffsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before every engine start: a first-start snapshot that did not finish starts over on a new
 * slot, so that it is again consistent with the slot.
 *
 * <p>On a first start Debezium 3.6.1 creates the slot and reads the snapshot in the transaction
 * snapshot that the slot's creation exported: the snapshot holds exactly the rows committed before
 * the slot's starting point, and the stream exactly those after it. That exported snapshot lives
 * only as long as the creating connection. After a crash during the snapshot the slot is there, so
 * Debezium runs the snapshot again in a fresh transaction and streams from the WAL position of that
 * moment ({@code PostgresSnapshotChangeEventSource.getTransactionStartLsn}): the rows committed in
 * between are read by the snapshot and streamed again, and a row whose commit record was written
 * before that position but was not yet visible to the new snapshot would be in neither. Dropping
 * the slot and the stored offset makes the next start a true first start again: a new slot, a new
 * exported snapshot of the unpublished rows, the stream from the new slot's start. What the aborted
 * attempt published but had not marked is sent again (at least once); what it marked is not read
 * again.
 *
 * <p>A streamed position whose slot is gone (missing, or invalidated with {@code wal_status =
 * lost}) is a slot loss: {@link SlotLossRecovery} takes that step, as CDC_SLOT_LOSS says.
 */
final class FirstSnapshotRestart {

  /** The slot as the server has it. */
  enum Slot {
    ABSENT,
    /** {@code wal_status = lost}: it exists but can never be streamed again. */
    LOST,
    USABLE
  }

  /** What has to happen before the engine starts. */
  enum Step {
    /** The slot and the stored position agree: start as stored. */
    NONE,
    /**
     * A position inside the first snapshot without its slot: nothing was streamed from it, so
     * forgetting it starts the snapshot over (a first start), as a cut-short snapshot does anyway.
     */
    FORGET_OFFSET,
    /** The slot exists but its first snapshot never finished: a new slot, a new snapshot. */
    RECREATE_SLOT,
    /** A streamed position whose slot is missing or lost: {@link SlotLossRecovery}. */
    SLOT_LOST
  }

  private static final Logger log = LoggerFactory.getLogger(FirstSnapshotRestart.class);

  /** How long a walsender that still holds the slot (its relay just died) is waited for. */
  static final Duration SLOT_RELEASE_WAIT = Duration.ofSeconds(20);

  private FirstSnapshotRestart() {}

  /**
   * The step for the slot as it is, with the offset stored for it (empty: none stored). Without a
   * stored offset, or with one inside the initial snapshot, an existing slot has never been
   * streamed from by a finished first start: nothing the slot holds was delivered from it.
   */
  static Step decide(Slot slot, Optional<StoredOffsets.Stored> stored) {
    boolean streamed = stored.isPresent() && !stored.get().inSnapshot();
    if (streamed) {
      return slot == Slot.USABLE ? Step.NONE : Step.SLOT_LOST;
    }
    if (slot == Slot.ABSENT) {
      return stored.isPresent() ? Step.FORGET_OFFSET : Step.NONE;
    }
    return Step.RECREATE_SLOT;
  }

  /**
   * Looks at {@code slot} and its stored offset and takes the step. The caller holds the slot's
   * advisory lock, so no other relay of the slot starts an engine meanwhile.
   *
   * @return the step taken
   * @throws SlotLossStop when the slot is lost and CDC_SLOT_LOSS is stop
   */
  static Step prepare(DataSource dataSource, String slot, SlotLossRecovery losses)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      Optional<StoredOffsets.Stored> stored = StoredOffsets.read(c, slot);
      Slot state = state(c, slot);
      Step step = decide(state, stored);
      switch (step) {
        case SLOT_LOST ->
            losses.handle(
                c,
                slot,
                state == Slot.LOST ? SlotLoss.Cause.INVALIDATED : SlotLoss.Cause.MISSING,
                stored.orElseThrow());
        case RECREATE_SLOT -> {
          log.warn(
              "slot {} exists but its first snapshot did not finish ({}): dropping the slot and"
                  + " starting the snapshot over on a new one",
              slot,
              stored.isEmpty() ? "no position stored" : "stored position inside the snapshot");
          // The offset first: a crash between the two leaves a slot without an offset, which
          // the next start recreates again.
          StoredOffsets.forget(c, slot);
          ReplicationSlots.drop(c, slot, SLOT_RELEASE_WAIT);
        }
        case FORGET_OFFSET -> {
          log.warn(
              "slot {} does not exist and its first snapshot did not finish: forgetting the stored"
                  + " position; a new slot and a snapshot of the unpublished rows follow",
              slot);
          StoredOffsets.forget(c, slot);
        }
        case NONE -> {
          // start as stored
        }
      }
      return step;
    }
  }

  private static Slot state(Connection c, String slot) throws SQLException {
    if (!ReplicationSlots.exists(c, slot)) {
      return Slot.ABSENT;
    }
    return ReplicationSlots.isLost(c, slot) ? Slot.LOST : Slot.USABLE;
  }
}
