package dev.outbox.relay.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Deletes published outbox rows older than OUTBOX_RETENTION, in small batches (short transactions,
 * no long locks), and records how far it went so replays older than that are refused. Never touches
 * unpublished or parked rows. Deletes do not reach the relay: the publication is insert-only.
 */
public final class Retention {

  private final DataSource dataSource;
  private final Duration retention;
  private final int batchSize;

  public Retention(DataSource dataSource, Duration retention, int batchSize) {
    this.dataSource = dataSource;
    this.retention = retention;
    this.batchSize = batchSize;
  }

  /**
   * Deletes every expired row, batch by batch.
   *
   * @return how many rows were deleted
   */
  public long run() throws SQLException {
    Instant cutoff = Instant.now().minus(retention);
    long total = 0;
    for (int deleted = deleteBatch(cutoff); deleted > 0; deleted = deleteBatch(cutoff)) {
      total += deleted;
    }
    return total;
  }

  private int deleteBatch(Instant cutoff) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "WITH gone AS (DELETE FROM outbox_events WHERE id IN (SELECT id FROM outbox_events"
                  + " WHERE published_at IS NOT NULL AND parked_at IS NULL AND published_at < ?"
                  + " ORDER BY published_at LIMIT ? FOR UPDATE SKIP LOCKED)"
                  + " RETURNING published_lsn, created_at)"
                  + " SELECT count(*), max(published_lsn)::text, max(created_at) FROM gone")) {
        ps.setTimestamp(1, Timestamp.from(cutoff));
        ps.setInt(2, batchSize);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          int deleted = rs.getInt(1);
          if (deleted > 0) {
            advanceHorizon(c, rs.getString(2), rs.getTimestamp(3));
          }
          c.commit();
          return deleted;
        }
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static void advanceHorizon(Connection c, String lsn, Timestamp time) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO relay_retention_horizon (id, deleted_through_lsn, deleted_through_time)"
                + " VALUES (1, ?::pg_lsn, ?) ON CONFLICT (id) DO UPDATE SET"
                + " deleted_through_lsn = GREATEST(relay_retention_horizon.deleted_through_lsn,"
                + " excluded.deleted_through_lsn),"
                + " deleted_through_time = GREATEST(relay_retention_horizon.deleted_through_time,"
                + " excluded.deleted_through_time)")) {
      ps.setString(1, lsn);
      ps.setTimestamp(2, time);
      ps.executeUpdate();
    }
  }
}
