package dev.outbox.relay.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.outbox.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.storage.OffsetBackingStore;
import org.apache.kafka.connect.util.Callback;

/**
 * Kafka Connect offsets in a PostgreSQL table of the relay's ({@code relay_offsets}), so the
 * position survives the process and the machine, moves with a database backup and is shared by a
 * standby relay. Keys and values are the engine's JSON (UTF-8) and are stored as text. Writes
 * upsert all entries of one flush in one transaction, in key order, so concurrent writers never
 * deadlock and never lose each other's keys; the last writer of a key wins.
 *
 * <p>The engine creates it by class name ({@code offset.storage}) and configures it with {@code
 * offset.storage.postgres.url}, {@code .user}, {@code .password} and {@code .table}. It keeps one
 * connection and reopens it after a failure.
 */
public final class PostgresOffsetBackingStore implements OffsetBackingStore {

  private static final TypeReference<Map<String, Object>> PARTITION = new TypeReference<>() {};

  private String url;
  private String user;
  private String password;
  private String table;
  private Connection connection;

  public PostgresOffsetBackingStore() {}

  @Override
  public void configure(WorkerConfig config) {
    configure(config.originals());
  }

  /** Configures from the {@code offset.storage.postgres.*} keys of {@code originals}. */
  public void configure(Map<String, ?> originals) {
    url = required(originals, "offset.storage.postgres.url");
    user = optional(originals, "offset.storage.postgres.user", "postgres");
    password = optional(originals, "offset.storage.postgres.password", "");
    table = optional(originals, "offset.storage.postgres.table", "relay_offsets");
    if (!table.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("offset.storage.postgres.table is not a plain name");
    }
  }

  @Override
  public synchronized void start() {
    connection();
  }

  @Override
  public synchronized void stop() {
    closeQuietly();
  }

  @Override
  public synchronized Future<Map<ByteBuffer, ByteBuffer>> get(Collection<ByteBuffer> keys) {
    boolean reused = connection != null;
    CompletableFuture<Map<ByteBuffer, ByteBuffer>> read = read(keys);
    // A connection kept from before a database restart fails on its first use; the engine reads
    // offsets when its task restarts after that restart, and a failure there stopped the engine
    // (RELIABILITY.md, finding 5). One more try, on a new connection.
    return reused && read.isCompletedExceptionally() ? read(keys) : read;
  }

  private CompletableFuture<Map<ByteBuffer, ByteBuffer>> read(Collection<ByteBuffer> keys) {
    Map<ByteBuffer, ByteBuffer> result = new HashMap<>();
    try (PreparedStatement ps =
        connection()
            .prepareStatement(
                "SELECT offset_key, offset_value FROM " + table + " WHERE offset_key = ANY (?)")) {
      ps.setArray(1, connection.createArrayOf("text", keys.stream().map(this::text).toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          result.put(bytes(rs.getString(1)), bytes(rs.getString(2)));
        }
      }
      return CompletableFuture.completedFuture(result);
    } catch (SQLException e) {
      closeQuietly();
      return CompletableFuture.failedFuture(new IllegalStateException("reading offsets failed", e));
    }
  }

  @Override
  public synchronized Future<Void> set(
      Map<ByteBuffer, ByteBuffer> values, Callback<Void> callback) {
    Map<String, String> sorted = new TreeMap<>();
    values.forEach((k, v) -> sorted.put(text(k), v == null ? null : text(v)));
    try {
      write(sorted);
      if (callback != null) {
        callback.onCompletion(null, null);
      }
      return CompletableFuture.completedFuture(null);
    } catch (SQLException e) {
      closeQuietly();
      RuntimeException failure = new IllegalStateException("writing offsets failed", e);
      if (callback != null) {
        callback.onCompletion(failure, null);
      }
      return CompletableFuture.failedFuture(failure);
    }
  }

  @Override
  public synchronized Set<Map<String, Object>> connectorPartitions(String connectorName) {
    Set<Map<String, Object>> partitions = new HashSet<>();
    try (PreparedStatement ps = connection().prepareStatement("SELECT offset_key FROM " + table);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        JsonNode key = Json.mapper().readTree(rs.getString(1));
        if (key.isArray() && key.size() == 2 && connectorName.equals(key.get(0).asText())) {
          partitions.add(Json.mapper().convertValue(key.get(1), PARTITION));
        }
      }
      return partitions;
    } catch (SQLException | IOException e) {
      closeQuietly();
      throw new IllegalStateException("reading offset partitions failed", e);
    }
  }

  // One statement per flush (atomic on its own, one round trip): upserts in key order, so two
  // writers never deadlock, and deletes the keys whose value is null (tombstones).
  private void write(Map<String, String> sorted) throws SQLException {
    List<String> keys = new ArrayList<>();
    List<String> values = new ArrayList<>();
    List<String> tombstones = new ArrayList<>();
    sorted.forEach(
        (k, v) -> {
          if (v == null) {
            tombstones.add(k);
          } else {
            keys.add(k);
            values.add(v);
          }
        });
    Connection c = connection();
    try (PreparedStatement ps =
        c.prepareStatement(
            "WITH gone AS (DELETE FROM "
                + table
                + " WHERE offset_key = ANY (?::text[]))"
                + " INSERT INTO "
                + table
                + " (offset_key, offset_value, updated_at)"
                + " SELECT k, v, now() FROM unnest(?::text[], ?::text[]) AS u(k, v) ORDER BY k"
                + " ON CONFLICT (offset_key) DO UPDATE"
                + " SET offset_value = excluded.offset_value, updated_at = now()")) {
      ps.setArray(1, c.createArrayOf("text", tombstones.toArray()));
      ps.setArray(2, c.createArrayOf("text", keys.toArray()));
      ps.setArray(3, c.createArrayOf("text", values.toArray()));
      ps.executeUpdate();
    }
  }

  private Connection connection() {
    try {
      if (connection == null || connection.isClosed()) {
        connection = DriverManager.getConnection(url, user, password);
      }
      return connection;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot connect to the offsets database " + url, e);
    }
  }

  private void closeQuietly() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the connection is being discarded after a failure; the next call reconnects
      }
      connection = null;
    }
  }

  private String text(ByteBuffer buffer) {
    ByteBuffer b = buffer.duplicate();
    byte[] bytes = new byte[b.remaining()];
    b.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static ByteBuffer bytes(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String optional(Map<String, ?> originals, String key, String fallback) {
    Object value = originals.get(key);
    return value == null ? fallback : value.toString();
  }

  private static String required(Map<String, ?> originals, String key) {
    Object value = originals.get(key);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException(key + " is required by " + "PostgresOffsetBackingStore");
    }
    return value.toString();
  }
}
