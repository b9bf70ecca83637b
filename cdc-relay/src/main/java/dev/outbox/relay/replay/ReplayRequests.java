package dev.outbox.relay.replay;

import dev.outbox.relay.model.Lsns;
import dev.outbox.relay.store.StoredOffsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code relay_replay_requests}: the {@code replay} command submits and watches requests, the
 * active relay of the slot starts, counts and finishes them.
 */
public final class ReplayRequests {

  private static final Logger log = LoggerFactory.getLogger(ReplayRequests.class);
  private static final String COLUMNS =
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

  /**
   * Refuses {@code request} now if the WAL can no longer serve it (see {@link #start}), which
   * spares the relay stopping its engine for it; refused requests stay refused, as the slot's
   * position only moves forward.
   *
   * @return the request as it now stands (unchanged when it may be servable)
   */
  public ReplayRequest refuseIfUnservable(ReplayRequest request) throws SQLException {
    return inTransaction(
        c -> {
          ReplayRequest locked = lockOpen(c, request);
          if (locked.started() || locked.finished()) {
            return locked;
          }
          Optional<String> whyNot = whyNot(c, locked);
          return whyNot.isPresent() ? refuse(c, locked, whyNot.get()) : locked;
        });
  }

  /**
   * Starts {@code request} while the slot's engine is stopped: in one transaction, checks that the
   * slot still decodes from the point, rewinds the stored offset to it and records where the relay
   * had got to ({@code through_lsn}, {@code through_offset}). Finishes it at once with 0 events
   * when the relay has not got to the point yet, and refuses it (finished, not started, with the
   * reason) when the WAL cannot serve it.
   *
   * @return the request as it now stands
   */
  public ReplayRequest start(ReplayRequest request) throws SQLException {
    return inTransaction(
        c -> {
          ReplayRequest locked = lockOpen(c, request);
          if (locked.started() || locked.finished()) {
            return locked;
          }
          Optional<String> whyNot = whyNot(c, locked);
          if (whyNot.isPresent()) {
            return refuse(c, locked, whyNot.get());
          }
          return begin(c, locked, StoredOffsets.read(c, locked.slot()).orElseThrow());
        });
  }

  // Locked, so a command withdrawing it meanwhile either wins or waits for the outcome.
  private static ReplayRequest lockOpen(Connection c, ReplayRequest request) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + COLUMNS + " FROM relay_replay_requests WHERE id = ? FOR UPDATE")) {
      ps.setLong(1, request.id());
      return one(ps).orElseThrow(() -> new SQLException("replay request vanished"));
    }
  }

  private static Optional<String> whyNot(Connection c, ReplayRequest request) throws SQLException {
    String slot = request.slot();
    Optional<SlotState> state = SlotState.read(c, slot);
    if (state.isEmpty()) {
      return Optional.of("slot " + slot + " does not exist");
    }
    String whyNot = state.get().whyNot(slot, request.fromLsn());
    return whyNot != null
        ? Optional.of(whyNot)
        : ReplayRoute.whyNot(slot, StoredOffsets.read(c, slot));
  }

  private static ReplayRequest refuse(Connection c, ReplayRequest request, String whyNot)
      throws SQLException {
    log.info("replay request {} from {} refused: {}", request.id(), lsn(request), whyNot);
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE relay_replay_requests SET finished_at = now(), error = ? WHERE id = ?"
                + " RETURNING "
                + COLUMNS)) {
      ps.setString(1, whyNot);
      ps.setLong(2, request.id());
      return one(ps).orElseThrow();
    }
  }

  private static ReplayRequest begin(
      Connection c, ReplayRequest request, StoredOffsets.Stored position) throws SQLException {
    boolean nothingYet = request.fromLsn() > position.lsn();
    if (nothingYet) {
      log.info(
          "replay request {} from {}: nothing published at or after it yet (relay at {})",
          request.id(),
          lsn(request),
          Lsns.format(position.lsn()));
    } else {
      StoredOffsets.rewind(c, position, request.fromLsn());
      log.info(
          "replay request {}: stored offset of slot {} rewound from {} to {}",
          request.id(),
          request.slot(),
          Lsns.format(position.lsn()),
          lsn(request));
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE relay_replay_requests SET started_at = now(), through_lsn = ?::pg_lsn,"
                + " through_offset = ?,"
                + " finished_at = CASE WHEN ? THEN now() END WHERE id = ? RETURNING "
                + COLUMNS)) {
      ps.setString(1, Lsns.format(position.lsn()));
      ps.setString(2, position.value());
      ps.setBoolean(3, nothingYet);
      ps.setLong(4, request.id());
      return one(ps).orElseThrow();
    }
  }

  private <T> T inTransaction(SqlWork<T> work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  @FunctionalInterface
  private interface SqlWork<T> {
    T run(Connection c) throws SQLException;
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

  private static Optional<ReplayRequest> one(PreparedStatement ps) throws SQLException {
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

  private static String lsn(ReplayRequest request) {
    return Lsns.format(request.fromLsn());
  }
}
