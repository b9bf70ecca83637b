package dev.outbox.relay.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.core.config.Migrations;
import dev.outbox.relay.config.RelayMigrations;
import dev.outbox.testing.TestDatabase;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresOffsetBackingStoreIT {

  static TestDatabase db;

  @BeforeAll
  static void migrate() {
    db = TestDatabase.create("offsets");
    try (HikariDataSource ds = db.pool("offsets-it", 2)) {
      Migrations.migrate(ds, "offsets_pub");
      RelayMigrations.migrate(ds, "offsets_pub");
    }
  }

  @AfterAll
  static void drop() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void offsets_written_before_a_restart_are_read_back_by_a_new_store() throws Exception {
    ByteBuffer key = bytes("[\"restart\",{\"server\":\"restart\"}]");
    PostgresOffsetBackingStore first = store();
    first.set(Map.of(key, bytes("{\"lsn\":1}")), null).get(5, TimeUnit.SECONDS);
    first.set(Map.of(key, bytes("{\"lsn\":2}")), null).get(5, TimeUnit.SECONDS);
    first.stop();

    PostgresOffsetBackingStore second = store();
    Map<ByteBuffer, ByteBuffer> read = second.get(List.of(key)).get(5, TimeUnit.SECONDS);
    Set<Map<String, Object>> partitions = second.connectorPartitions("restart");
    second.stop();

    assertThat(text(read.get(key))).isEqualTo("{\"lsn\":2}");
    assertThat(partitions).containsExactly(Map.of("server", "restart"));
  }

  /**
   * The store keeps one connection; after a database restart it is dead, and the engine's next read
   * (when its task restarts) must not fail on it (RELIABILITY.md, finding 5).
   */
  @Test
  void a_read_on_a_connection_the_server_ended_is_tried_again_on_a_new_one() throws Exception {
    ByteBuffer key = bytes("[\"stale\",{\"server\":\"stale\"}]");
    PostgresOffsetBackingStore store = store();
    store.set(Map.of(key, bytes("{\"lsn\":7}")), null).get(5, TimeUnit.SECONDS);
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
              + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
    }

    Map<ByteBuffer, ByteBuffer> read = store.get(List.of(key)).get(5, TimeUnit.SECONDS);
    store.stop();

    assertThat(text(read.get(key))).isEqualTo("{\"lsn\":7}");
  }

  @Test
  void a_null_value_removes_the_key() throws Exception {
    ByteBuffer key = bytes("[\"tombstone\",{\"server\":\"t\"}]");
    PostgresOffsetBackingStore store = store();
    store.set(Map.of(key, bytes("{\"lsn\":1}")), null).get(5, TimeUnit.SECONDS);
    Map<ByteBuffer, ByteBuffer> removal = new HashMap<>();
    removal.put(key, null);
    store.set(removal, null).get(5, TimeUnit.SECONDS);

    assertThat(store.get(List.of(key)).get(5, TimeUnit.SECONDS)).isEmpty();
    store.stop();
  }

  @Test
  void concurrent_writers_keep_every_key_and_the_shared_key_holds_one_written_value()
      throws Exception {
    int writers = 4;
    int rounds = 50;
    ByteBuffer shared = bytes("[\"shared\",{\"server\":\"s\"}]");
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      done.add(
          pool.submit(
              () -> {
                PostgresOffsetBackingStore store = store();
                for (int r = 0; r < rounds; r++) {
                  Map<ByteBuffer, ByteBuffer> values = new HashMap<>();
                  values.put(shared, bytes("{\"writer\":" + writer + ",\"round\":" + r + "}"));
                  values.put(
                      bytes("[\"own\",{\"server\":\"" + writer + "-" + r + "\"}]"),
                      bytes("{\"round\":" + r + "}"));
                  store.set(values, null).get(5, TimeUnit.SECONDS);
                }
                store.stop();
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    PostgresOffsetBackingStore reader = store();
    assertThat(reader.connectorPartitions("own")).hasSize(writers * rounds);
    String last = text(reader.get(List.of(shared)).get(5, TimeUnit.SECONDS).get(shared));
    reader.stop();
    assertThat(last).matches("\\{\"writer\":[0-3],\"round\":" + (rounds - 1) + "}");
  }

  private static PostgresOffsetBackingStore store() {
    PostgresOffsetBackingStore store = new PostgresOffsetBackingStore();
    store.configure(
        Map.of(
            "offset.storage.postgres.url", db.jdbcUrl(),
            "offset.storage.postgres.user", db.user(),
            "offset.storage.postgres.password", db.password()));
    store.start();
    return store;
  }

  private static ByteBuffer bytes(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(ByteBuffer b) {
    return b == null ? null : StandardCharsets.UTF_8.decode(b.duplicate()).toString();
  }
}
