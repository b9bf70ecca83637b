package dev.outbox.relay.replay;

import dev.outbox.relay.model.Lsns;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@code relay_replay_requests}, the WAL replay's hand-over between the {@code replay} command and
 * the active relay: the command submits a request ({@link WalReplay}) and watches it, the relay
 * starts it ({@link WalRewind}), counts and finishes it ({@link WalReplayRun}).
 */
public final class ReplayRequests {

  static final String COLUMNS =
      "id, slot_name, from_lsn::text, requested_at, started_at, through_lsn::text,"
          + " through_offset, events, finished_at, error";

  private final DataSource dataSource;

  public ReplayRequests(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Asks the active relay of {@code slot} to replay from {@code fromLsn}. */
  public ReplayRequest submit(String slot, long fromLsn) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO relay_replay_requests (slot_name, from_lsn) VALUES (?, ?::pg_lsn)"
                    + " RETURNING "
                    + COLUMNS)) {
      ps.setString(1, slot);
      ps.setString(2, Lsns.format(fromLsn));
      return one(ps).orElseThrow();
    }
  }

  /** The request {@code id} as it stands now. */
  public Optional<ReplayRequest> find(long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT " + COLUMNS + " FROM relay_replay_requests WHERE id = ?")) {
      ps.setLong(1, id);
      return one(ps);
    }
  }

  /** The oldest unfinished request of {@code slot}: one that runs, or the next to start. */
  public Optional<ReplayRequest> open(String slot) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM relay_replay_requests WHERE slot_name = ? AND finished_at IS NULL"
                    + " ORDER BY id LIMIT 1")) {
      ps.setString(1, slot);
      return one(ps);
    }
  }

  /** Adds {@code events} republished events to the count, and finishes the request if asked. */
  public void progress(long id, long events, boolean finished) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE relay_replay_requests SET events = events + ?,"
                    + " finished_at = CASE WHEN ? THEN now() END WHERE id = ?")) {
      ps.setLong(1, events);
      ps.setBoolean(2, finished);
      ps.setLong(3, id);
      ps.executeUpdate();
    }
  }

  /**
   * Withdraws {@code id} if no relay has started it yet (the command gave up waiting).
   *
   * @return whether it was withdrawn
   */
  public boolean withdraw(long id, String reason) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE relay_replay_requests SET finished_at = now(), error = ?"
                    + " WHERE id = ? AND started_at IS NULL AND finished_at IS NULL")) {
      ps.setString(1, reason);
      ps.setLong(2, id);
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * Finishes every unfinished request of {@code slot} with {@code reason}, started or not: the WAL
   * they were to be read from went with the slot. The command that waits reports the reason; a
   * replay asked again then comes from the outbox rows.
   *
   * @return how many were finished
   */
  public int abandon(String slot, String reason) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE relay_replay_requests SET finished_at = now(), error = ?"
                    + " WHERE slot_name = ? AND finished_at IS NULL")) {
      ps.setString(1, reason);
      ps.setString(2, slot);
      return ps.executeUpdate();
    }
  }

  static Optional<ReplayRequest> one(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new ReplayRequest(
              rs.getLong(1),
              rs.getString(2),
              Lsns.parse(rs.getString(3)),
              instant(rs.getTimestamp(4)),
              instant(rs.getTimestamp(5)),
              lsn(rs.getString(6)),
              rs.getString(7),
              rs.getLong(8),
              instant(rs.getTimestamp(9)),
              rs.getString(10)));
    }
  }

  private static Long lsn(String text) {
    return text == null ? null : Lsns.parse(text);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
