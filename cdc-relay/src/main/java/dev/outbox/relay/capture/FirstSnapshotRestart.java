package dev.outbox.relay.capture;

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
 */
final class FirstSnapshotRestart {

  /** What has to happen before the engine starts. */
  enum Step {
    /** The slot and the stored position agree: start as stored. */
    NONE,
    /** A stored position without its slot can no longer be streamed: start as a first start. */
    FORGET_OFFSET,
    /** The slot exists but its first snapshot never finished: a new slot, a new snapshot. */
    RECREATE_SLOT
  }

  private static final Logger log = LoggerFactory.getLogger(FirstSnapshotRestart.class);

  /** How long a walsender that still holds the slot (its relay just died) is waited for. */
  static final Duration SLOT_RELEASE_WAIT = Duration.ofSeconds(20);

  private FirstSnapshotRestart() {}

  /**
   * The step for a slot that exists or not, with the offset stored for it (empty: none stored).
   * Without a stored offset, or with one inside the initial snapshot, an existing slot has never
   * been streamed from by a finished first start: nothing the slot holds was delivered from it.
   */
  static Step decide(boolean slotExists, Optional<StoredOffsets.Stored> stored) {
    if (!slotExists) {
      return stored.isPresent() ? Step.FORGET_OFFSET : Step.NONE;
    }
    if (stored.isEmpty() || stored.get().inSnapshot()) {
      return Step.RECREATE_SLOT;
    }
    return Step.NONE;
  }

  /**
   * Looks at {@code slot} and its stored offset and takes the step. The caller holds the slot's
   * advisory lock, so no other relay of the slot starts an engine meanwhile.
   *
   * @return the step taken
   */
  static Step prepare(DataSource dataSource, String slot) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      Optional<StoredOffsets.Stored> stored = StoredOffsets.read(c, slot);
      Step step = decide(ReplicationSlots.exists(c, slot), stored);
      switch (step) {
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
              "slot {} does not exist but a position is stored for it: forgetting the position;"
                  + " a new slot and a snapshot of the unpublished rows follow",
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
}
