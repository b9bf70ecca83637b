package dev.outbox.relay.standby;

import dev.outbox.config.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The one-active-relay-per-slot rule: a session-level PostgreSQL advisory lock, keyed by the slot
 * name, held on a connection of its own (never a pooled one, which could be handed to someone
 * else). The server releases it when that session ends, so a standby takes over as soon as the
 * active relay's process or connection dies.
 *
 * <p>A peer that goes silent (a network partition, a frozen host) ends no session by itself: the
 * server would keep the lock until the operating system's TCP keepalive gives up, two hours on
 * Linux, and the relay's own check would wait as long for an answer. So the lock's session asks the
 * server to probe the relay after {@link #DEAD_PEER} of silence (keepalives, and tcp_user_timeout
 * for unacknowledged data), and the relay's reads on it time out after {@link #DEAD_PEER} too: both
 * sides give the lock up within about half a minute.
 */
public final class LeaderLock implements AutoCloseable {

  private static final Duration RETRY = Duration.ofMillis(500);

  /** How long either side of the lock's session waits on a silent peer before it gives up. */
  static final Duration DEAD_PEER = Duration.ofSeconds(20);

  // Server side: first probe after 10 s of silence, then every 3 s, 3 unanswered end the session
  // (about 19 s); data the relay does not acknowledge for DEAD_PEER ends it too.
  private static final String SESSION_TIMEOUTS =
      "SELECT set_config('tcp_keepalives_idle', '10', false),"
          + " set_config('tcp_keepalives_interval', '3', false),"
          + " set_config('tcp_keepalives_count', '3', false),"
          + " set_config('tcp_user_timeout', '"
          + DEAD_PEER.toMillis()
          + "', false)";

  private final DatabaseSettings database;
  private final String slot;
  private final CountDownLatch closed = new CountDownLatch(1);
  private Connection connection;

  public LeaderLock(DatabaseSettings database, String slot) {
    this.database = database;
    this.slot = slot;
  }

  /**
   * Tries every 500 ms until the lock is held; false when {@link #close()} was called first.
   * Connection failures count as "not acquired" and are retried.
   */
  public boolean acquire() throws InterruptedException {
    while (closed.getCount() > 0) {
      if (tryOnce()) {
        return true;
      }
      if (closed.await(RETRY.toMillis(), TimeUnit.MILLISECONDS)) {
        return false;
      }
    }
    return false;
  }

  /** Whether the lock's session is still alive (a dead session means the lock is gone). */
  public synchronized boolean isHeld() {
    if (connection == null) {
      return false;
    }
    try (Statement s = connection.createStatement()) {
      s.execute("SELECT 1");
      return true;
    } catch (SQLException e) {
      drop();
      return false;
    }
  }

  private synchronized boolean tryOnce() {
    try {
      if (connection == null || connection.isClosed()) {
        connection = connect();
      }
      try (PreparedStatement ps =
          connection.prepareStatement(
              "SELECT pg_try_advisory_lock(hashtextextended('outbox-relay:' || ?, 0))")) {
        ps.setString(1, slot);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() && rs.getBoolean(1);
        }
      }
    } catch (SQLException e) {
      drop();
      return false;
    }
  }

  private Connection connect() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", database.user());
    p.setProperty("password", database.password());
    p.setProperty("socketTimeout", Long.toString(DEAD_PEER.toSeconds()));
    p.setProperty("tcpKeepAlive", "true");
    p.setProperty("ApplicationName", "outbox-relay leader lock");
    Connection c = DriverManager.getConnection(database.url(), p);
    try (Statement s = c.createStatement()) {
      s.execute(SESSION_TIMEOUTS);
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /**
   * Whether some session of this database holds the lock of {@code slot}, i.e. a relay is active on
   * it (read from pg_locks, without taking it).
   */
  public static boolean isHeldByAnyone(Connection c, String slot) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                + " AND objsubid = 1 AND database = (SELECT oid FROM pg_database"
                + " WHERE datname = current_database())"
                + " AND ((classid::bigint << 32) | objid::bigint)"
                + " = hashtextextended('outbox-relay:' || ?, 0)")) {
      ps.setString(1, slot);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getLong(1) > 0;
      }
    }
  }

  /** Gives the lock up (by ending its session) and stops any pending {@link #acquire()}. */
  @Override
  public synchronized void close() {
    closed.countDown();
    drop();
  }

  /** Gives the lock up but allows acquiring it again. */
  public synchronized void release() {
    drop();
  }

  private void drop() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // closing the session is what releases the lock; a failure means it is gone already
      }
      connection = null;
    }
  }
}
