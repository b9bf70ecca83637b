package dev.outbox.relay.replay;

import dev.outbox.relay.model.Lsns;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays of one slot, both sides. The {@code replay} command asks {@link #replay}, which decides
 * where the events are read ({@link ReplayRoute}): from the WAL by the slot's active relay while
 * the slot still holds the point, from the retained outbox rows otherwise or when the relay
 * refuses. The active relay serves the WAL requests between its captures: {@link #inProgress()} on
 * start, {@link #due()} while streaming, {@link #rewind} with the engine stopped.
 */
public final class ReplayService {

  private static final Logger log = LoggerFactory.getLogger(ReplayService.class);

  private final String slot;
  private final DataSource dataSource;
  private final ReplayRequests requests;
  private final PublishedRows rows;
  private final WalRewind rewinds;

  private final Supplier<Republisher> republishers;

  /**
   * @param republishers a new publisher for each replay from the rows (the capture's delivery)
   */
  public ReplayService(String slot, DataSource dataSource, Supplier<Republisher> republishers) {
    this.slot = slot;
    this.dataSource = dataSource;
    this.requests = new ReplayRequests(dataSource);
    this.rows = new PublishedRows(dataSource);
    this.rewinds = new WalRewind(dataSource);
    this.republishers = republishers;
  }

  /**
   * Republishes every event committed at or after {@code point}, marked {@code replayed=true}: from
   * the WAL through the active relay when the slot holds the point (waiting up to {@code
   * walTimeout} for it to finish), else from the rows, reporting each step to {@code listener}.
   *
   * @throws IllegalArgumentException when neither the WAL nor the rows hold the point any more
   * @throws IllegalStateException when the relay has not finished within {@code walTimeout} (it
   *     goes on with it) or failed
   */
  public ReplayResult replay(ReplayPoint point, Duration walTimeout, ReplayListener listener)
      throws SQLException, InterruptedException {
    listener.counted(point, rows.count(point));
    Optional<Long> fromLsn =
        point.lsn() != null
            ? Optional.of(point.lsn())
            : ReplayRoute.firstPublishedAtOrAfter(dataSource, point.time());
    ReplayRoute route =
        fromLsn.isPresent()
            ? ReplayRoute.choose(dataSource, slot, fromLsn.get())
            : ReplayRoute.rows("no published event was created at or after it");
    if (route.path() == ReplayRoute.Path.WAL) {
      listener.fromWal(slot, fromLsn.get());
      ReplayRequest request =
          new WalReplay(requests).replay(slot, fromLsn.get(), walTimeout, listener::walProgress);
      if (!request.refused()) {
        return walResult(point, fromLsn.get(), request, walTimeout);
      }
      listener.walRefused(request.error());
      route = ReplayRoute.rows(request.error());
    }
    listener.fromRows(route.reason());
    try {
      return fromRows(point, listener::rowsProgress);
    } catch (IllegalArgumentException refused) {
      throw new IllegalArgumentException(
          refused.getMessage() + "; not from the WAL either: " + route.reason(), refused);
    }
  }

  /**
   * Republishes from the retained rows alone, whatever the WAL holds.
   *
   * @throws IllegalArgumentException when the point is older than what the retention deleted
   */
  public ReplayResult fromRows(ReplayPoint point, LongConsumer progress)
      throws SQLException, InterruptedException {
    return new RowsReplay(rows, republishers).replay(point, progress);
  }

  /** A started, unfinished request: a relay that starts (again) goes on serving it. */
  public Optional<ReplayRequest> inProgress() throws SQLException {
    return requests.open(slot).filter(ReplayRequest::started);
  }

  /**
   * The request the streaming relay must stop its engine for, if any. One the WAL can no longer
   * serve is refused here, without touching the engine. Empty, too, when the database cannot be
   * read (the relay looks again in a moment).
   */
  public Optional<ReplayRequest> due() {
    Optional<ReplayRequest> next;
    try {
      next = requests.open(slot);
    } catch (SQLException e) {
      log.debug("reading replay requests failed: {}", e.getMessage());
      return Optional.empty();
    }
    if (next.isEmpty() || next.get().started()) {
      return next;
    }
    try {
      return Optional.of(rewinds.refuseIfUnservable(next.get())).filter(r -> !r.finished());
    } catch (SQLException e) {
      log.debug("checking replay request {} failed: {}", next.get().id(), e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * With the engine stopped: rewinds the stored offset for {@code due} (unless it started before).
   *
   * @return the request the next capture serves; empty when it finished or was refused meanwhile,
   *     or the database failed (logged; the relay looks again in a moment)
   */
  public Optional<ReplayRequest> rewind(ReplayRequest due) {
    try {
      ReplayRequest request = due.started() ? due : rewinds.start(due);
      return Optional.of(request).filter(r -> r.started() && !r.finished());
    } catch (SQLException e) {
      log.warn("starting replay request {} failed, retrying: {}", due.id(), e.getMessage());
      return Optional.empty();
    }
  }

  private static ReplayResult walResult(
      ReplayPoint point, long fromLsn, ReplayRequest request, Duration timeout) {
    if (!request.finished()) {
      throw new IllegalStateException(
          "replay request "
              + request.id()
              + " has not finished after "
              + timeout
              + " ("
              + request.events()
              + " events republished so far); the relay goes on with it"
              + " (relay_replay_requests)");
    }
    if (request.error() != null) {
      throw new IllegalStateException(
          "replay request " + request.id() + " failed: " + request.error());
    }
    String from =
        point.lsn() != null
            ? Lsns.format(fromLsn)
            : point.time() + " (LSN " + Lsns.format(fromLsn) + ")";
    return ReplayResult.fromWal(request.events(), from, Lsns.format(request.throughLsn()));
  }
}
