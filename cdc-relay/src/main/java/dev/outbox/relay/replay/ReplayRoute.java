package dev.outbox.relay.replay;

import dev.outbox.relay.model.Lsns;
import dev.outbox.relay.standby.LeaderLock;
import dev.outbox.relay.store.StoredOffsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where a replay from a point is read: from the WAL by the active relay while the slot still
 * decodes from that point (it is within CDC_REPLAY_WINDOW), otherwise from the retained outbox
 * rows.
 *
 * @param path the source
 * @param reason why the WAL cannot serve it (null for {@link Path#WAL})
 */
public record ReplayRoute(Path path, String reason) {

  /** The two sources of a replay. */
  public enum Path {
    WAL,
    ROWS
  }

  /**
   * The route of a replay from {@code fromLsn} on {@code slot}: the WAL when the slot exists, its
   * WAL is reserved, it has not confirmed beyond the point, the relay has stored a position and a
   * relay is active to read it; the rows otherwise.
   */
  public static ReplayRoute choose(DataSource dataSource, String slot, long fromLsn)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      Optional<String> whyNot = whyNotFromWal(c, slot, fromLsn);
      if (whyNot.isPresent()) {
        return rows(whyNot.get());
      }
      if (!LeaderLock.isHeldByAnyone(c, slot)) {
        return rows("no relay is active on slot " + slot + " to read its WAL");
      }
      return new ReplayRoute(Path.WAL, null);
    }
  }

  /**
   * Why the WAL of {@code slot} cannot serve a replay from {@code fromLsn} (whoever reads it), if
   * it cannot: checked by the command choosing the route and again by the relay before it rewinds.
   */
  static Optional<String> whyNotFromWal(Connection c, String slot, long fromLsn)
      throws SQLException {
    Optional<SlotState> state = SlotState.read(c, slot);
    if (state.isEmpty()) {
      return Optional.of("slot " + slot + " does not exist");
    }
    String whyNot = state.get().whyNot(slot, fromLsn);
    return whyNot != null ? Optional.of(whyNot) : whyNotRewound(slot, StoredOffsets.read(c, slot));
  }

  /**
   * The WAL position of the first published event created at or after {@code time}, the point a
   * replay from that time starts at; empty when there is none.
   */
  public static Optional<Long> firstPublishedAtOrAfter(DataSource dataSource, Instant time)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT min(published_lsn)::text FROM outbox_events WHERE published_at IS NOT NULL"
                    + " AND published_lsn IS NOT NULL AND created_at >= ?")) {
      ps.setTimestamp(1, Timestamp.from(time));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        String lsn = rs.getString(1);
        return lsn == null ? Optional.empty() : Optional.of(Lsns.parse(lsn));
      }
    }
  }

  /** Why the relay's stored offset cannot be rewound, if it cannot. */
  private static Optional<String> whyNotRewound(
      String slot, Optional<StoredOffsets.Stored> stored) {
    if (stored.isEmpty()) {
      return Optional.of("the relay has stored no position for slot " + slot + " yet");
    }
    if (stored.get().inSnapshot()) {
      return Optional.of("the relay of slot " + slot + " is still in its first-start snapshot");
    }
    return Optional.empty();
  }

  /** The rows, for {@code reason}. */
  static ReplayRoute rows(String reason) {
    return new ReplayRoute(Path.ROWS, reason);
  }
}
