package dev.outbox.relay.replay;

import dev.outbox.relay.model.Lsns;
import dev.outbox.relay.store.StoredOffsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's first step of a WAL replay: with its engine stopped, it rewinds the slot's stored
 * offset to the request's point, or refuses the request when the WAL can no longer serve it.
 * Refused requests stay refused, as the slot's position only moves forward.
 */
final class WalRewind {

  private static final Logger log = LoggerFactory.getLogger(WalRewind.class);

  private final DataSource dataSource;

  WalRewind(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Refuses {@code request} now if the WAL can no longer serve it, which spares the relay stopping
   * its engine for it.
   *
   * @return the request as it now stands (unchanged when it may be servable)
   */
  ReplayRequest refuseIfUnservable(ReplayRequest request) throws SQLException {
    return inTransaction(c -> unlessUnservable(c, request, locked -> locked));
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
  ReplayRequest start(ReplayRequest request) throws SQLException {
    return inTransaction(
        c ->
            unlessUnservable(
                c,
                request,
                locked -> begin(c, locked, StoredOffsets.read(c, locked.slot()).orElseThrow())));
  }

  // Locks the request and, if it is still pending, refuses it when the WAL cannot serve it, or
  // hands it to next; a request started or finished meanwhile is returned as it stands.
  private static ReplayRequest unlessUnservable(Connection c, ReplayRequest request, SqlStep next)
      throws SQLException {
    ReplayRequest locked = lockOpen(c, request);
    if (locked.started() || locked.finished()) {
      return locked;
    }
    Optional<String> whyNot = ReplayRoute.whyNotFromWal(c, locked.slot(), locked.fromLsn());
    return whyNot.isPresent() ? refuse(c, locked, whyNot.get()) : next.apply(locked);
  }

  // Locked, so a command withdrawing it meanwhile either wins or waits for the outcome.
  private static ReplayRequest lockOpen(Connection c, ReplayRequest request) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + ReplayRequests.COLUMNS
                + " FROM relay_replay_requests WHERE id = ? FOR UPDATE")) {
      ps.setLong(1, request.id());
      return ReplayRequests.one(ps).orElseThrow(() -> new SQLException("replay request vanished"));
    }
  }

  private static ReplayRequest refuse(Connection c, ReplayRequest request, String whyNot)
      throws SQLException {
    log.info("replay request {} from {} refused: {}", request.id(), from(request), whyNot);
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE relay_replay_requests SET finished_at = now(), error = ? WHERE id = ?"
                + " RETURNING "
                + ReplayRequests.COLUMNS)) {
      ps.setString(1, whyNot);
      ps.setLong(2, request.id());
      return ReplayRequests.one(ps).orElseThrow();
    }
  }

  private static ReplayRequest begin(
      Connection c, ReplayRequest request, StoredOffsets.Stored position) throws SQLException {
    boolean nothingYet = request.fromLsn() > position.lsn();
    if (nothingYet) {
      log.info(
          "replay request {} from {}: nothing published at or after it yet (relay at {})",
          request.id(),
          from(request),
          Lsns.format(position.lsn()));
    } else {
      StoredOffsets.rewind(c, position, request.fromLsn());
      log.info(
          "replay request {}: stored offset of slot {} rewound from {} to {}",
          request.id(),
          request.slot(),
          Lsns.format(position.lsn()),
          from(request));
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE relay_replay_requests SET started_at = now(), through_lsn = ?::pg_lsn,"
                + " through_offset = ?,"
                + " finished_at = CASE WHEN ? THEN now() END WHERE id = ? RETURNING "
                + ReplayRequests.COLUMNS)) {
      ps.setString(1, Lsns.format(position.lsn()));
      ps.setString(2, position.value());
      ps.setBoolean(3, nothingYet);
      ps.setLong(4, request.id());
      return ReplayRequests.one(ps).orElseThrow();
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

  @FunctionalInterface
  private interface SqlStep {
    ReplayRequest apply(ReplayRequest locked) throws SQLException;
  }

  private static String from(ReplayRequest request) {
    return Lsns.format(request.fromLsn());
  }
}
