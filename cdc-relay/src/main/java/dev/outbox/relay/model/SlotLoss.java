package dev.outbox.relay.model;

import java.time.Instant;
import java.util.Locale;

/**
 * The relay found the WAL position it had stored gone with its slot, and did something about it.
 * The rows are the truth, not the slot: every event whose row is still unpublished is published
 * again from a new slot's snapshot, so a loss costs duplicates (delivered but not yet marked),
 * never events.
 *
 * @param slot the replication slot
 * @param detectedAt when the relay found it (the database's clock)
 * @param cause why the position is gone
 * @param storedPosition the stored WAL position that can no longer be streamed ({@code 0/16B3748})
 * @param action what the relay did
 * @param unpublished unpublished, unparked outbox rows when it was found: what a recovery publishes
 */
public record SlotLoss(
    String slot,
    Instant detectedAt,
    Cause cause,
    String storedPosition,
    Action action,
    long unpublished) {

  /** Why the stored position is gone. */
  public enum Cause {
    /** No such slot: dropped by hand, or the server is a promoted standby that never had it. */
    MISSING("the slot does not exist (dropped, or a promoted standby without it)"),
    /** {@code wal_status = lost}: PostgreSQL removed WAL the slot still needed. */
    INVALIDATED(
        "the slot was invalidated (wal_status lost: the server removed WAL it still needed,"
            + " max_slot_wal_keep_size)");

    private final String meaning;

    Cause(String meaning) {
      this.meaning = meaning;
    }

    /** What happened, in words. */
    public String meaning() {
      return meaning;
    }
  }

  /** What the relay did about it (CDC_SLOT_LOSS). */
  public enum Action {
    /** Dropped what was left of the slot, created a new one, published the unpublished rows. */
    RECOVERED,
    /** Left slot and stored position as they were and streams nothing until restarted. */
    STOPPED;

    /** The name as stored and shown: {@code recovered}, {@code stopped}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One line for {@code status} and logs. */
  public String describe() {
    return detectedAt
        + " "
        + cause.name().toLowerCase(Locale.ROOT)
        + " at stored position "
        + storedPosition
        + ": "
        + (action == Action.RECOVERED
            ? "recovered (new slot; " + unpublished + " unpublished events published from it)"
            : "relay stopped (CDC_SLOT_LOSS=stop; " + unpublished + " events wait)");
  }
}
