package dev.outbox.relay.replay;

import java.time.Instant;

/**
 * One row of {@code relay_replay_requests}: a replay the active relay serves from the WAL.
 *
 * @param id the request's id
 * @param slot the slot whose relay serves it
 * @param fromLsn the point: events at or after it are republished
 * @param requestedAt when {@code replay} asked
 * @param startedAt when the relay rewound its offset (null while pending, and when refused)
 * @param throughLsn where the relay had got to when it rewound (its stored {@code lsn})
 * @param throughOffset the relay's whole stored offset then (Debezium's JSON), which tells when the
 *     replay has caught up (see {@link WalReplayEnd})
 * @param events how many events were republished so far
 * @param finishedAt when it ended (null while pending or running)
 * @param error why it was refused or failed (null when it succeeded)
 */
public record ReplayRequest(
    long id,
    String slot,
    long fromLsn,
    Instant requestedAt,
    Instant startedAt,
    Long throughLsn,
    String throughOffset,
    long events,
    Instant finishedAt,
    String error) {

  public boolean started() {
    return startedAt != null;
  }

  public boolean finished() {
    return finishedAt != null;
  }

  /** Finished without starting: the WAL could not serve it, the rows may. */
  public boolean refused() {
    return finished() && !started() && error != null;
  }
}
