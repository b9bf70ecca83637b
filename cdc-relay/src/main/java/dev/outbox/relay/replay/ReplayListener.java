package dev.outbox.relay.replay;

/**
 * What a replay reports while {@link ReplayService#replay} runs it, in this order: the count, then
 * the WAL path (its progress, perhaps its refusal) and/or the rows path (its progress). Called on
 * the replaying thread; every method does nothing unless overridden.
 */
public interface ReplayListener {

  /** Before anything is sent: how many published events lie at or after {@code point}. */
  default void counted(ReplayPoint point, long total) {}

  /** The WAL serves it: the active relay of {@code slot} rewinds to {@code fromLsn}. */
  default void fromWal(String slot, long fromLsn) {}

  /** The WAL replay's request as just read (about five times a second while it is waited for). */
  default void walProgress(ReplayRequest request) {}

  /** The relay did not read the WAL after all, for {@code reason}; the rows serve it now. */
  default void walRefused(String reason) {}

  /** The retained outbox rows serve it; {@code whyNotWal} says why the WAL does not. */
  default void fromRows(String whyNotWal) {}

  /** The rows path has republished {@code events} events so far (confirmed by the broker). */
  default void rowsProgress(long events) {}
}
