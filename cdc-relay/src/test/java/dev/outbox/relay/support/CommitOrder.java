package dev.outbox.relay.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Commit order from a source independent of the relay: a logical slot of its own with the {@code
 * test_decoding} plug-in, created before the writers start. PostgreSQL decodes transactions in
 * commit order, so the order of the outbox INSERTs it returns is the commit order, whatever the
 * rows' created_at or any column says.
 */
public final class CommitOrder implements AutoCloseable {

  /** One inserted outbox row, as decoded. */
  public record Insert(UUID id, String aggregateId) {}

  private static final Pattern INSERT =
      Pattern.compile(
          "^table public\\.outbox_events: INSERT: id\\[uuid\\]:'([0-9a-f-]+)'.*"
              + " aggregate_id\\[uuid\\]:'([0-9a-f-]+)'");

  private final DataSource dataSource;
  private final String slot;

  private CommitOrder(DataSource dataSource, String slot) {
    this.dataSource = dataSource;
    this.slot = slot;
  }

  /** Creates the slot now: every transaction that commits from here on is recorded. */
  public static CommitOrder recordFromNow(DataSource dataSource, String slot) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT pg_create_logical_replication_slot(?, 'test_decoding')")) {
      ps.setString(1, slot);
      ps.execute();
    }
    return new CommitOrder(dataSource, slot);
  }

  /** The outbox inserts committed since the slot was created, in commit order (consumes them). */
  public List<Insert> inserts() throws SQLException {
    List<Insert> inserts = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT data FROM pg_logical_slot_get_changes(?, NULL, NULL,"
                    + " 'include-xids', '0', 'skip-empty-xacts', '1')")) {
      ps.setString(1, slot);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          parse(rs.getString(1)).ifPresent(inserts::add);
        }
      }
    }
    return inserts;
  }

  static java.util.Optional<Insert> parse(String line) {
    Matcher m = INSERT.matcher(line);
    if (!m.find()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Insert(UUID.fromString(m.group(1)), m.group(2)));
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                    + " WHERE slot_name = ?")) {
      ps.setString(1, slot);
      ps.execute();
    }
  }
}
