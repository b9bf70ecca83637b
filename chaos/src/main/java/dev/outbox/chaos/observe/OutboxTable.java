package dev.outbox.chaos.observe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outbox.json.Json;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the database says through the product's tables: the outbox rows (contract.md: the seed's
 * columns plus published_lsn and parked_at) and the notifier's delivery log states.
 */
public final class OutboxTable {

  private OutboxTable() {}

  public static List<OutboxRow> rows(Connection c) throws SQLException {
    return rows(c, "");
  }

  /** The rows of every type but {@code type} (the suite's own ticks call for no notification). */
  public static List<OutboxRow> rowsExcept(Connection c, String type) throws SQLException {
    return rows(c, " WHERE event_type <> '" + type.replace("'", "''") + "'");
  }

  /** Every row's id. */
  public static List<UUID> ids(Connection c) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM outbox_events")) {
      while (rs.next()) {
        ids.add(rs.getObject(1, UUID.class));
      }
    }
    return ids;
  }

  private static List<OutboxRow> rows(Connection c, String where) throws SQLException {
    String sql =
        "SELECT id, event_type, aggregate_type, aggregate_id::text, payload::text,"
            + " published_at IS NOT NULL, parked_at IS NOT NULL FROM outbox_events"
            + where;
    List<OutboxRow> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(
            new OutboxRow(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                json(rs.getString(5)),
                rs.getBoolean(6),
                rs.getBoolean(7)));
      }
    }
    return rows;
  }

  /** Rows the relay has neither published nor parked yet. */
  public static long pending(Connection c) throws SQLException {
    return count(
        c, "SELECT count(*) FROM outbox_events WHERE published_at IS NULL AND parked_at IS NULL");
  }

  /** Notifier deliveries per state (SENT, SENDING, RETRY_SCHEDULED, ...). */
  public static Map<String, Long> deliveryStates(Connection c) throws SQLException {
    Map<String, Long> states = new TreeMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT state, count(*) FROM notifier.deliveries GROUP BY state")) {
      while (rs.next()) {
        states.put(rs.getString(1), rs.getLong(2));
      }
    }
    return states;
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      return Json.mapper().createObjectNode();
    }
  }
}
