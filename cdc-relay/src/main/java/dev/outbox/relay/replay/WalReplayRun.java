package dev.outbox.relay.replay;

import dev.outbox.relay.model.Lsns;
import dev.outbox.relay.model.OutboxMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WAL replay's run, inside the capture that serves it (its consumer passes each batch through
 * here). The relay rewound its stored offset to the request's {@code from_lsn}, so the engine
 * re-reads, in commit order, every transaction that committed since that point: first the ones it
 * had published already, then live ones.
 *
 * <p>Which events are replays is decided by their rows, not by WAL positions: an event whose row
 * was marked published before the replay started is a replay (published again with {@code
 * replayed=true}, or acknowledged without publishing when it lies before {@code from_lsn}, which a
 * transaction spanning the point brings along); everything else is live and published as usual.
 * Change positions cannot tell the two apart, because transactions interleave in the WAL: a long
 * transaction that began before the point and commits only now carries positions below it and must
 * not be dropped. Rows parked before the replay stay parked.
 *
 * <p>The replay is over once the stream reaches where the relay was when it rewound ({@link
 * WalReplayEnd}); until then the row check costs one query per batch, and the count of republished
 * events is stored with each batch that has some.
 */
public final class WalReplayRun {

  private static final Logger log = LoggerFactory.getLogger(WalReplayRun.class);

  private final ReplayRequest request;
  private final WalReplayEnd end;
  private final ReplayRequests requests;
  private final DataSource dataSource;
  private long events;
  private volatile boolean finished;

  /**
   * @param request a started request ({@link WalRewind} rewound the stored offset for it)
   */
  public WalReplayRun(ReplayRequest request, DataSource dataSource) {
    if (!request.started() || request.throughOffset() == null) {
      throw new IllegalArgumentException("replay request " + request.id() + " has not started");
    }
    this.request = request;
    this.end = WalReplayEnd.of(request.throughOffset());
    this.requests = new ReplayRequests(dataSource);
    this.dataSource = dataSource;
    this.events = request.events();
  }

  /** Whether the stream has not reached the end yet (live events flow meanwhile). */
  public boolean isRunning() {
    return !finished;
  }

  public ReplayRequest request() {
    return request;
  }

  /**
   * What of {@code messages} (one batch, in WAL order) to deliver: replays marked as such, live
   * events as they are; replays from before the point and events parked before the replay are left
   * out.
   */
  public List<OutboxMessage> select(List<OutboxMessage> messages) throws SQLException {
    if (messages.isEmpty()) {
      return messages;
    }
    Map<UUID, Boolean> before = handledBeforeStart(messages);
    List<OutboxMessage> selected = new ArrayList<>(messages.size());
    for (OutboxMessage m : messages) {
      Boolean published = before.get(m.id());
      if (published == null) {
        selected.add(m);
      } else if (published && m.lsn() >= request.fromLsn()) {
        selected.add(m.asReplay());
      }
    }
    return selected;
  }

  /**
   * Whether {@code records} reach where the relay was when it rewound (see {@link WalReplayEnd}).
   */
  public boolean passesThrough(List<SourceRecord> records) {
    for (SourceRecord r : records) {
      if (r.sourceOffset() != null && end.reachedBy(r.sourceOffset())) {
        return true;
      }
    }
    return false;
  }

  /** Stores that {@code republished} more events were confirmed, and the end when {@code done}. */
  public void record(long republished, boolean done) throws SQLException {
    if (republished == 0 && !done) {
      return;
    }
    requests.progress(request.id(), republished, done);
    events += republished;
    if (done) {
      finished = true;
      log.info(
          "replay request {} finished: {} events republished from {} through {} (read from the"
              + " WAL)",
          request.id(),
          events,
          Lsns.format(request.fromLsn()),
          Lsns.format(request.throughLsn()));
    }
  }

  // id -> whether it was published (true) or parked (false) before the replay started
  private Map<UUID, Boolean> handledBeforeStart(List<OutboxMessage> messages) throws SQLException {
    Map<UUID, Boolean> handled = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, published_at IS NOT NULL FROM outbox_events WHERE id = ANY (?)"
                    + " AND COALESCE(published_at, parked_at) <= ?")) {
      ps.setArray(1, c.createArrayOf("uuid", messages.stream().map(OutboxMessage::id).toArray()));
      ps.setTimestamp(2, Timestamp.from(request.startedAt()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          handled.put(rs.getObject(1, UUID.class), rs.getBoolean(2));
        }
      }
    }
    return handled;
  }
}
