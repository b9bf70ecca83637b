package dev.outbox.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.core.persistence.CorePersistence;
import dev.outbox.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class MigrationsIT {

  static final TestDatabase db = TestDatabase.create("migrations");
  static final HikariDataSource pool = db.pool("migrations-it", 2);

  @AfterAll
  static void dropDatabase() {
    pool.close();
    db.close();
  }

  @Test
  void migration_creates_outbox_events_with_the_seed_columns_and_an_insert_only_publication()
      throws SQLException {
    Migrations.migrate(pool, "outbox_publication");

    assertThat(
            query(
                "select column_name || ':' || data_type from information_schema.columns"
                    + " where table_name = 'outbox_events' order by ordinal_position"))
        .startsWith(
            "id:uuid",
            "aggregate_type:character varying",
            "aggregate_id:uuid",
            "event_type:character varying",
            "payload:jsonb",
            "created_at:timestamp with time zone",
            "published_at:timestamp with time zone",
            "retry_count:integer",
            "last_error:text");
    assertThat(
            query(
                "select data_type || ',' || is_nullable from information_schema.columns"
                    + " where table_name = 'outbox_events' and column_name = 'traceparent'"))
        .containsExactly("text,YES");
    assertThat(query("select indexdef from pg_indexes where indexname = 'idx_outbox_unpublished'"))
        .singleElement()
        .asString()
        .contains("(created_at)", "WHERE (published_at IS NULL)");
    assertThat(
            query(
                "select pubinsert || ',' || pubupdate || ',' || pubdelete || ',' || pubtruncate"
                    + " from pg_publication where pubname = 'outbox_publication'"))
        .containsExactly("true,false,false,false");
    assertThat(
            query(
                "select tablename from pg_publication_tables where pubname = 'outbox_publication'"))
        .contains("outbox_events");
  }

  @Test
  void the_migrated_schema_matches_the_hibernate_mapping() throws SQLException {
    Migrations.migrate(pool, "outbox_publication");

    // Hibernate validates every mapped table and column when it starts.
    try (CorePersistence persistence = CorePersistence.create(pool)) {
      assertThat(persistence.transactions().inTransaction(() -> "validated"))
          .isEqualTo("validated");
    }
    assertThat(
            query(
                "select table_name from information_schema.tables where table_schema = 'public'"
                    + " order by table_name"))
        .contains(
            "idempotency_keys", "order_lines", "orders", "outbox_events", "payments", "users");
  }

  @Test
  void migrating_twice_changes_nothing() {
    Migrations.migrate(pool, "outbox_publication");

    var second = Migrations.migrate(pool, "outbox_publication");

    assertThat(second.migrationsExecuted).isZero();
  }

  private static List<String> query(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }
}
