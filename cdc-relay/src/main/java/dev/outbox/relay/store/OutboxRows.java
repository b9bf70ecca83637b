package dev.outbox.relay.store;

import dev.outbox.relay.model.Lsns;
import dev.outbox.relay.model.OutboxMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The relay's writes to outbox_events: publish marks, failures and parking. None of them reaches
 * the change stream, because the publication is insert-only.
 */
public final class OutboxRows {

  private final DataSource dataSource;

  public OutboxRows(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Marks the confirmed messages published, in one statement: published_at keeps its first value (a
   * redelivery or replay does not move it), published_lsn is the position the event was read at.
   *
   * @return the ids of the rows it found; a row can be missing for a moment because logical
   *     decoding may hand a transaction over before its commit is visible to other sessions
   */
  public Set<UUID> markPublished(List<OutboxMessage> messages) throws SQLException {
    Set<UUID> marked = new HashSet<>();
    if (messages.isEmpty()) {
      return marked;
    }
    Object[] ids = messages.stream().map(OutboxMessage::id).toArray();
    Object[] lsns = messages.stream().map(m -> Lsns.format(m.lsn())).toArray();
    // The mark commits without waiting for its WAL flush (synchronous_commit off for this one
    // transaction): the offset commit that follows is synchronous, and flushing its WAL flushes
    // this mark too. A crash before that loses both, and the events are re-read and marked again.
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "WITH async AS (SELECT set_config('synchronous_commit', 'off', true))"
                    + " UPDATE outbox_events o SET published_at = COALESCE(o.published_at, now()),"
                    + " published_lsn = v.lsn::pg_lsn, parked_at = NULL"
                    + " FROM unnest(?::uuid[], ?::text[]) AS v(id, lsn), async"
                    + " WHERE o.id = v.id RETURNING o.id")) {
      ps.setArray(1, c.createArrayOf("uuid", ids));
      ps.setArray(2, c.createArrayOf("text", lsns));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          marked.add(rs.getObject(1, UUID.class));
        }
      }
      return marked;
    }
  }

  /**
   * Counts one failed publish attempt of {@code message}; parks it once it has failed {@code
   * maxRetries} times.
   *
   * @return whether the event is now parked
   */
  public boolean recordFailure(OutboxMessage message, String error, int maxRetries)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE outbox_events SET retry_count = COALESCE(retry_count, 0) + 1,"
                    + " last_error = ?, published_lsn = ?::pg_lsn,"
                    + " parked_at = CASE WHEN COALESCE(retry_count, 0) + 1 >= ? THEN now() END"
                    + " WHERE id = ? AND published_at IS NULL RETURNING parked_at IS NOT NULL")) {
      ps.setString(1, error);
      ps.setString(2, Lsns.format(message.lsn()));
      ps.setInt(3, maxRetries);
      ps.setObject(4, message.id());
      try (ResultSet rs = ps.executeQuery()) {
        // No row: published meanwhile, deleted, or not yet visible (see markPublished): the
        // caller retries, within its bound.
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /** The parked events (or only {@code id} when not null), oldest first. */
  public List<OutboxMessage> parked(UUID id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + RowMessages.COLUMNS
                    + " FROM outbox_events WHERE parked_at IS NOT NULL AND published_at IS NULL"
                    + " AND (?::uuid IS NULL OR id = ?::uuid)"
                    + " ORDER BY commit_seq NULLS FIRST, created_at, id")) {
      ps.setObject(1, id);
      ps.setObject(2, id);
      return RowMessages.read(ps, false);
    }
  }

  /** Clears the parking of {@code id} (or of all parked events when null) before a re-drive. */
  public int unpark(UUID id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE outbox_events SET parked_at = NULL, retry_count = 0"
                    + " WHERE parked_at IS NOT NULL AND published_at IS NULL"
                    + " AND (?::uuid IS NULL OR id = ?::uuid)")) {
      ps.setObject(1, id);
      ps.setObject(2, id);
      return ps.executeUpdate();
    }
  }
}
