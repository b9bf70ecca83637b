package dev.outbox.chaos.observe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The independent source of commit order: a second logical slot, with the {@code test_decoding}
 * plugin, created before anything is written and read once at the end. Logical decoding emits
 * transactions in commit order, so the order of the outbox inserts it returns is commit order,
 * whatever the relay, created_at or the row ids say.
 */
public final class CommitLog {

  public static final String SLOT = "chaos_commit_order";
  private static final String TABLE = "public.outbox_events";

  private CommitLog() {}

  /** Creates the slot; every transaction committed after this is in the log. */
  public static void create(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SELECT pg_create_logical_replication_slot('" + SLOT + "', 'test_decoding')");
    }
  }

  /** Every outbox insert committed since {@link #create}, in commit order (consumes the slot). */
  public static List<CommittedEvent> read(Connection c) throws SQLException {
    String sql =
        "SELECT data FROM pg_logical_slot_get_changes(?, NULL, NULL, 'skip-empty-xacts', '1')"
            + " WITH ORDINALITY AS change(lsn, xid, data, n)"
            + " WHERE data LIKE 'table public.outbox_events: INSERT:%' ORDER BY n";
    List<CommittedEvent> events = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, SLOT);
      ps.setFetchSize(1000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String line = rs.getString(1);
          Map<String, String> row =
              TestDecodingLine.insertInto(TABLE, line)
                  .orElseThrow(() -> new IllegalStateException("unexpected change: " + line));
          events.add(event(row, events.size()));
        }
      }
    }
    return events;
  }

  static CommittedEvent event(Map<String, String> row, long position) {
    return new CommittedEvent(
        UUID.fromString(row.get("id")),
        row.get("aggregate_type"),
        row.get("aggregate_id"),
        row.get("event_type"),
        position);
  }
}
