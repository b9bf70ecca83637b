package dev.outbox.relay.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outbox.json.Json;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The relay's stored Debezium offset of one slot, read and rewound in {@code relay_offsets}. The
 * key is {@code ["<slot>",{"server":"<slot>"}]} (engine name and topic prefix are both the slot
 * name); the value is Debezium's offset map: {@code lsn} (last change handed over), {@code
 * lsn_proc} (last completely processed) and {@code lsn_commit} (last commit processed), among
 * others.
 */
public final class StoredOffsets {

  private StoredOffsets() {}

  /**
   * The stored offset of {@code slot}.
   *
   * @param key the row's key, as stored
   * @param value the row's value, Debezium's offset as JSON
   * @param lsn Debezium's {@code lsn}
   * @param processedLsn {@code lsn_proc}, null when absent
   * @param commitLsn {@code lsn_commit}, null when absent
   */
  public record Stored(String key, String value, long lsn, Long processedLsn, Long commitLsn) {

    /** The position status shows: the last commit processed, else the last change. */
    public long position() {
      return commitLsn != null ? commitLsn : lsn;
    }

    /**
     * Whether the first-start snapshot is still under way, as Debezium 3.6.1 decides it when it
     * loads the offset ({@code PostgresOffsetContext.Loader}, {@code
     * CommonOffsetContext.isInitialSnapshotRunning}): {@code snapshot} is {@code INITIAL} (or the
     * older {@code true}) and neither {@code last_snapshot_record} nor {@code snapshot_completed}
     * is true. Such an offset makes Debezium run the snapshot again; rewinding it would drop the
     * rest of the snapshot.
     */
    public boolean inSnapshot() {
      try {
        JsonNode offset = json(value);
        String snapshot = offset.path("snapshot").asText("");
        return ("INITIAL".equals(snapshot) || "true".equals(snapshot))
            && !flag(offset, "last_snapshot_record")
            && !flag(offset, "snapshot_completed");
      } catch (SQLException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }

    // Debezium accepts the boolean and its text.
    private static boolean flag(JsonNode offset, String name) {
      JsonNode value = offset.path(name);
      return value.asBoolean(false) || "true".equals(value.asText());
    }
  }

  /** The stored offset of {@code slot}, if the relay stored one. */
  public static Optional<Stored> read(Connection c, String slot) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT offset_key, offset_value FROM relay_offsets");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        JsonNode key = json(rs.getString(1));
        if (key.isArray() && key.size() == 2 && slot.equals(key.get(0).asText())) {
          JsonNode value = json(rs.getString(2));
          if (!value.hasNonNull("lsn")) {
            return Optional.empty();
          }
          return Optional.of(
              new Stored(
                  rs.getString(1),
                  rs.getString(2),
                  value.get("lsn").asLong(),
                  value.hasNonNull("lsn_proc") ? value.get("lsn_proc").asLong() : null,
                  value.hasNonNull("lsn_commit") ? value.get("lsn_commit").asLong() : null));
        }
      }
      return Optional.empty();
    }
  }

  /**
   * Rewrites the stored offset {@code stored} to {@code {"lsn": lsn}} alone. With no {@code
   * lsn_proc} Debezium 3.6.1 starts streaming at {@code lsn} itself and skips its search for the
   * resume point ({@code PostgresStreamingChangeEventSource.execute}), and PostgreSQL then sends
   * every transaction that commits at or after it, as long as the slot's confirmed_flush_lsn is not
   * beyond it. The engine must be stopped, or it would overwrite this at its next flush.
   */
  public static void rewind(Connection c, Stored stored, long lsn) throws SQLException {
    ObjectNode value = Json.mapper().createObjectNode();
    value.put("lsn", lsn);
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE relay_offsets SET offset_value = ?, updated_at = now() WHERE offset_key = ?")) {
      ps.setString(1, value.toString());
      ps.setString(2, stored.key());
      if (ps.executeUpdate() != 1) {
        throw new SQLException("the stored offset " + stored.key() + " disappeared");
      }
    }
  }

  /**
   * Deletes the stored offset of {@code slot}: the next engine start is a first start (a new slot,
   * the snapshot of the unpublished rows, then the stream).
   *
   * @return how many rows were deleted
   */
  public static int forget(Connection c, String slot) throws SQLException {
    int deleted = 0;
    for (String key : keys(c, slot)) {
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM relay_offsets WHERE offset_key = ?")) {
        ps.setString(1, key);
        deleted += ps.executeUpdate();
      }
    }
    return deleted;
  }

  private static List<String> keys(Connection c, String slot) throws SQLException {
    List<String> keys = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT offset_key FROM relay_offsets");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        JsonNode key = json(rs.getString(1));
        if (key.isArray() && key.size() == 2 && slot.equals(key.get(0).asText())) {
          keys.add(rs.getString(1));
        }
      }
    }
    return keys;
  }

  static JsonNode json(String text) throws SQLException {
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new SQLException("relay_offsets holds a value that is not JSON: " + text, e);
    }
  }
}
