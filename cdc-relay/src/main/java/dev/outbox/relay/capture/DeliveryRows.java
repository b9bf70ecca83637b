package dev.outbox.relay.capture;

import dev.outbox.relay.model.OutboxMessage;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The outbox rows as the delivery chain changes them: publish marks, failed attempts and parking
 * ({@link JdbcDeliveryRows} over JDBC). None of these writes reaches the change stream: the
 * publication is insert-only.
 *
 * <p>A row can be missing for a moment right after its event was read: PostgreSQL writes and
 * flushes a transaction's commit record, which lets the walsender decode and send it, before it
 * makes the transaction visible to other sessions, so on a busy machine the relay's UPDATE can run
 * in between. Callers try a missing row again, {@link #INVISIBLE_ROW_ATTEMPTS} times at most; a row
 * still missing then was deleted meanwhile.
 */
interface DeliveryRows {

  /** How often a missing row is looked for before it is taken as deleted. */
  int INVISIBLE_ROW_ATTEMPTS = 20;

  /**
   * Marks the confirmed messages published: published_at keeps its first value (a redelivery or
   * replay does not move it), published_lsn is the position the event was read at.
   *
   * @return the ids of the rows found (see above for the missing ones)
   * @throws SQLException when the database did not answer; nothing is known to be marked
   */
  Set<UUID> markPublished(List<OutboxMessage> messages) throws SQLException;

  /**
   * Counts one failed publish attempt of {@code message} (retry_count + 1, last_error = {@code
   * error}) and parks it once it has failed {@code maxRetries} times.
   *
   * @return whether the event is now parked; false also when its row was not found (published
   *     meanwhile, deleted, or not visible yet)
   * @throws SQLException when the database did not answer; nothing is known to be counted
   */
  boolean recordFailure(OutboxMessage message, String error, int maxRetries) throws SQLException;
}
