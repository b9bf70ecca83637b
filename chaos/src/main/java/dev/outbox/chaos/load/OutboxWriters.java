package dev.outbox.chaos.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writers that insert outbox rows directly (the table is part of the contract), the way an
 * application sharing the outbox would: one-row transactions, several writers on the same few
 * aggregates, each transaction held open for a random moment between its INSERT and its COMMIT.
 * That makes created_at (the transaction's start) differ from commit order within an aggregate,
 * which is what a relay must not confuse. The events have type {@code chaos.tick}, which no
 * notifier handles.
 */
public final class OutboxWriters implements AutoCloseable {

  /** Opens a new connection to the outbox database. */
  public interface Connector {
    Connection open() throws SQLException;
  }

  /** The type of the suite's own events. */
  public static final String EVENT_TYPE = "chaos.tick";

  private static final String INSERT =
      "INSERT INTO outbox_events (id, aggregate_type, aggregate_id, event_type, payload)"
          + " VALUES (?, 'chaos', ?, '"
          + EVENT_TYPE
          + "', ?::jsonb)";

  private final Connector connector;
  private final LoadLog log;
  private final List<UUID> aggregates = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicLong written = new AtomicLong();
  private final int maxHoldMillis;
  private volatile Duration thinkTime = Duration.ZERO;
  private volatile boolean running = true;

  public OutboxWriters(
      Connector connector, LoadLog log, int writers, int aggregateCount, int maxHoldMillis) {
    this.connector = connector;
    this.log = log;
    this.maxHoldMillis = maxHoldMillis;
    for (int i = 0; i < aggregateCount; i++) {
      aggregates.add(UUID.randomUUID());
    }
    for (int i = 0; i < writers; i++) {
      int writer = i;
      threads.add(new Thread(() -> work(writer), "chaos-sql-writer-" + i));
    }
  }

  public void start() {
    threads.forEach(Thread::start);
  }

  /** Each writer's pause between transactions; zero writes as fast as the database commits. */
  public void pace(Duration thinkTime) {
    this.thinkTime = thinkTime;
  }

  public long written() {
    return written.get();
  }

  private void work(int writer) {
    long seq = 0;
    while (running) {
      try (Connection c = connector.open()) {
        c.setAutoCommit(false);
        while (running) {
          insert(c, writer, seq++);
          if (!thinkTime.isZero()) {
            Pause.of(thinkTime);
          }
        }
      } catch (SQLException e) {
        // the database restarted or the connection broke: that transaction's outcome is unknown
        // (the commit-order slot knows it), reconnect after a moment
        Pause.of(Duration.ofMillis(200));
      }
    }
  }

  private void insert(Connection c, int writer, long seq) throws SQLException {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    UUID id = UUID.randomUUID();
    UUID aggregate = aggregates.get(random.nextInt(aggregates.size()));
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setObject(1, id);
      ps.setObject(2, aggregate);
      ps.setString(3, "{\"writer\":" + writer + ",\"seq\":" + seq + "}");
      ps.executeUpdate();
    }
    if (maxHoldMillis > 0) {
      try (PreparedStatement hold = c.prepareStatement("SELECT pg_sleep(?)")) {
        hold.setDouble(1, random.nextInt(maxHoldMillis + 1) / 1000.0);
        hold.execute();
      }
    }
    c.commit();
    written.incrementAndGet();
    log.write(new Write(EVENT_TYPE, aggregate.toString(), id, Instant.now()));
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    for (Thread thread : threads) {
      thread.join(Duration.ofSeconds(30).toMillis());
    }
  }
}
