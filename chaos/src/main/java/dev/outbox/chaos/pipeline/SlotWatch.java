package dev.outbox.chaos.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What PostgreSQL's own views say about the relays, read on a fresh connection each time (the
 * server may be restarting): which relay's session holds an advisory lock (the standby lock; the
 * relays' sessions carry their member name as application name), and which walsender streams the
 * slot.
 */
public final class SlotWatch {

  /** Opens a connection to the outbox database. */
  public interface Connector {
    Connection open() throws SQLException;
  }

  private static final String LOCK_HOLDER =
      "SELECT min(a.application_name) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
          + " WHERE l.locktype = 'advisory' AND l.granted AND a.application_name LIKE 'chaos-relay-%'"
          + " HAVING count(DISTINCT a.application_name) = 1";

  private final Connector connector;
  private final String slot;

  public SlotWatch(Connector connector, String slot) {
    this.connector = connector;
    this.slot = slot;
  }

  /**
   * The member name of the relay holding the lock (e.g. relay-a), if exactly one relay holds an
   * advisory lock (a relay starting up holds Flyway's for a moment: then neither counts).
   */
  public Optional<String> lockHolder() {
    return text(LOCK_HOLDER).map(name -> name.substring("chaos-".length()));
  }

  /** The pid of the walsender streaming the relay's slot, if one is. */
  public Optional<Integer> streamingPid() {
    return text("SELECT active_pid::text FROM pg_replication_slots WHERE active AND slot_name = '"
            + slot
            + "'")
        .map(Integer::valueOf);
  }

  public boolean slotExists() {
    return text("SELECT slot_name FROM pg_replication_slots WHERE slot_name = '" + slot + "'")
        .isPresent();
  }

  /** Ends the walsender of the slot (the relay's replication connection); whether one was ended. */
  public boolean terminateWalSender() {
    return text("SELECT pg_terminate_backend(active_pid)::text FROM pg_replication_slots"
            + " WHERE active AND slot_name = '"
            + slot
            + "'")
        .map(Boolean::parseBoolean)
        .orElse(false);
  }

  private Optional<String> text(String sql) {
    try (Connection c = connector.open();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
    } catch (SQLException e) {
      return Optional.empty();
    }
  }
}
