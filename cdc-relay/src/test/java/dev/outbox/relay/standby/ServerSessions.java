package dev.outbox.relay.standby;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.testing.Rows;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** A relay's sessions as the server sees them: its lock session, its walsender; ended at will. */
final class ServerSessions {

  private final Rows rows;

  ServerSessions(DataSource dataSource) {
    this.rows = new Rows(dataSource);
  }

  /** The backend holding the slot's advisory lock (the active relay's lock session), 0 if none. */
  long lockHolder(String slot) {
    List<Map<String, Object>> found =
        rows.list(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1"
                + " AND ((classid::bigint << 32) | objid::bigint)"
                + " = hashtextextended('outbox-relay:' || ?, 0)",
            slot);
    return found.isEmpty() ? 0 : ((Number) found.get(0).get("pid")).longValue();
  }

  /** The slot's active_pid: the walsender streaming it, 0 when none. */
  int slotReader(String slot) {
    List<Map<String, Object>> found =
        rows.list(
            "SELECT coalesce(active_pid, 0) AS pid FROM pg_replication_slots WHERE slot_name = ?",
            slot);
    return found.isEmpty() ? 0 : ((Number) found.get(0).get("pid")).intValue();
  }

  boolean backendExists(long pid) {
    return !rows.list("SELECT 1 FROM pg_stat_activity WHERE pid = ?", (int) pid).isEmpty();
  }

  void terminate(long pid) {
    assertThat(rows.list("SELECT pg_terminate_backend(?) AS ok", (int) pid).get(0).get("ok"))
        .isEqualTo(true);
  }
}
