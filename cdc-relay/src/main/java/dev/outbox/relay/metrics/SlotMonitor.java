package dev.outbox.relay.metrics;

import dev.outbox.relay.model.Lsns;
import dev.outbox.relay.store.StoredOffsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the slot (lag behind the server's WAL, WAL it retains, wal_status) and the outbox's
 * backlog (pending, parked, oldest pending age) into the gauges, one query each, on the relay's
 * monitor schedule: a scrape reads the last sample and never waits on the database. Warns once each
 * time the retained WAL crosses CDC_WAL_WARN_BYTES: a slot that does not advance fills the disk, or
 * gets invalidated by {@code max_slot_wal_keep_size}.
 */
public final class SlotMonitor implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(SlotMonitor.class);

  /** A sample that takes longer is abandoned (the gauges keep the previous one). */
  private static final int QUERY_TIMEOUT_SECONDS = 10;

  private final DataSource dataSource;
  private final String slot;
  private final long warnBytes;
  private final RelayMetrics metrics;
  private boolean warned;

  public SlotMonitor(DataSource dataSource, String slot, long warnBytes, RelayMetrics metrics) {
    this.dataSource = dataSource;
    this.slot = slot;
    this.warnBytes = warnBytes;
    this.metrics = metrics;
  }

  @Override
  public void run() {
    try (Connection c = dataSource.getConnection()) {
      sampleSlot(c);
      sampleOutbox(c);
    } catch (SQLException e) {
      log.debug("slot sample failed: {}", e.getMessage());
    }
  }

  // Lag from the stored position (where a restart resumes), not from confirmed_flush_lsn, which
  // trails it by CDC_REPLAY_WINDOW on purpose; the retained WAL includes that window.
  private void sampleSlot(Connection c) throws SQLException {
    String stored = StoredOffsets.read(c, slot).map(s -> Lsns.format(s.position())).orElse(null);
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COALESCE(pg_wal_lsn_diff(pg_current_wal_lsn(),"
                + " COALESCE(?::pg_lsn, confirmed_flush_lsn)), 0),"
                + " COALESCE(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn), 0),"
                + " wal_status FROM pg_replication_slots WHERE slot_name = ?")) {
      ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      ps.setString(1, stored);
      ps.setString(2, slot);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          long lag = rs.getLong(1);
          long retained = rs.getLong(2);
          metrics.slot(lag, retained);
          metrics.walStatus(rs.getString(3));
          warnOnce(retained);
        } else {
          metrics.walStatus(null);
        }
      }
    }
  }

  private void warnOnce(long retained) {
    if (retained > warnBytes && !warned) {
      log.warn(
          "slot {} retains {} bytes of WAL (CDC_WAL_WARN_BYTES={}): is the relay stuck or"
              + " heartbeats off, or CDC_REPLAY_WINDOW too long for this WAL rate? Past"
              + " max_slot_wal_keep_size PostgreSQL invalidates the slot; the relay then starts"
              + " over on a new slot and publishes the unpublished rows again (CDC_SLOT_LOSS)",
          slot,
          retained,
          warnBytes);
      warned = true;
    } else if (retained <= warnBytes && warned) {
      log.info("slot {} retained WAL is back under {} bytes", slot, warnBytes);
      warned = false;
    }
  }

  // One pass over the unpublished rows (the partial index idx_outbox_unpublished covers them).
  private void sampleOutbox(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT count(*) FILTER (WHERE parked_at IS NULL),"
                + " count(*) FILTER (WHERE parked_at IS NOT NULL),"
                + " COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)"
                + " FILTER (WHERE parked_at IS NULL)) * 1000, 0)::bigint"
                + " FROM outbox_events WHERE published_at IS NULL")) {
      ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        metrics.outbox(rs.getLong(1), rs.getLong(2), Duration.ofMillis(rs.getLong(3)));
      }
    }
  }
}
