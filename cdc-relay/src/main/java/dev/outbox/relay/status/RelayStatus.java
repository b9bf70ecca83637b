package dev.outbox.relay.status;

import dev.outbox.relay.model.SlotLoss;
import java.time.Duration;

/**
 * A snapshot of the relay's position and backlog, as the {@code status} command prints it.
 *
 * @param slot the replication slot
 * @param storedPosition the WAL position in the relay's stored offset (null before the first run)
 * @param slotExists whether the slot exists at all
 * @param confirmedFlushLsn the slot's confirmed_flush_lsn (what PostgreSQL may discard before)
 * @param restartLsn the slot's restart_lsn (the oldest WAL it retains)
 * @param walStatus the slot's wal_status: reserved, extended, unreserved or lost
 * @param lagBytes the server's current WAL position minus the stored position (WAL the relay has
 *     not handled yet; the slot's confirmed_flush_lsn trails the stored position by the replay
 *     window on purpose)
 * @param retainedWalBytes the server's current WAL position minus restart_lsn
 * @param activeRelay whether some relay holds the slot's advisory lock (streams)
 * @param pending unpublished, unparked outbox rows
 * @param parked parked outbox rows (refused OUTBOX_MAX_RETRIES times)
 * @param oldestPendingAge age of the oldest pending row, the lag in time (zero when none)
 * @param lastSlotLoss the newest time a relay found the slot's stored position gone, and what it
 *     did (null: never); {@link SlotLoss.Action#STOPPED} with the slot still lost means no relay
 *     streams until one is restarted with CDC_SLOT_LOSS=recover
 */
public record RelayStatus(
    String slot,
    String storedPosition,
    boolean slotExists,
    String confirmedFlushLsn,
    String restartLsn,
    String walStatus,
    long lagBytes,
    long retainedWalBytes,
    boolean activeRelay,
    long pending,
    long parked,
    Duration oldestPendingAge,
    SlotLoss lastSlotLoss) {

  /** The human-readable form the {@code status} command prints. */
  public String toText() {
    return String.join(
        "\n",
        "slot                 " + slot + (slotExists ? "" : " (does not exist)"),
        "relay                " + (activeRelay ? "active (lock held)" : "none active"),
        "stored position      " + orDash(storedPosition),
        "confirmed_flush_lsn  " + orDash(confirmedFlushLsn),
        "restart_lsn          " + orDash(restartLsn),
        "wal_status           " + orDash(walStatus),
        "replay from WAL      " + walReplayText(),
        "lag                  " + lagBytes + " bytes, " + oldestPendingAge.toMillis() + " ms",
        "retained WAL         " + retainedWalBytes + " bytes",
        "outbox pending       " + pending,
        "outbox parked        " + parked,
        "last slot loss       " + (lastSlotLoss == null ? "none" : lastSlotLoss.describe()));
  }

  /**
   * The oldest WAL position a replay can still read from the WAL (the slot's confirmed_flush_lsn),
   * or null when the slot is missing or invalidated: PostgreSQL decodes a slot from its
   * confirmed_flush_lsn on, older points come from the outbox rows. Reading it needs an active
   * relay.
   */
  public String walReplayFrom() {
    boolean retained = "reserved".equals(walStatus) || "extended".equals(walStatus);
    return slotExists && confirmedFlushLsn != null && retained ? confirmedFlushLsn : null;
  }

  private String walReplayText() {
    if (!slotExists || confirmedFlushLsn == null) {
      return "-";
    }
    if (walReplayFrom() == null) {
      return "no (wal_status " + walStatus + ")";
    }
    return "at or after " + confirmedFlushLsn + (activeRelay ? "" : " (once a relay is active)");
  }

  private static String orDash(String s) {
    return s == null ? "-" : s;
  }
}
