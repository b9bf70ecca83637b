package dev.outbox.bench.load;

import dev.outbox.bench.BenchDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes outbox rows the way an application does: one single-row INSERT per transaction
 * (autocommit), from several connections. The payload carries the step, a sequence number and the
 * database's clock_timestamp() taken inside the inserting transaction, which is what every latency
 * in the report is measured from.
 */
public final class OutboxLoad {

  static final String INSERT =
      "insert into outbox_events (aggregate_type, aggregate_id, event_type, payload)"
          + " values ('user', ?, 'user.created', jsonb_build_object("
          + "'bench_step', ?::int, 'bench_seq', ?::int, 'email', ?::text,"
          + " 'bench_commit_us', (extract(epoch from clock_timestamp()) * 1000000)::bigint))";

  /** What a load run did: rows committed and the wall-clock span, in epoch microseconds. */
  public record Result(long committed, long startUs, long endUs) {
    public double ratePerSecond() {
      return committed * 1e6 / Math.max(1, endUs - startUs);
    }
  }

  private OutboxLoad() {}

  /**
   * Inserts {@code events} rows for {@code step} from {@code clients} connections, paced to {@code
   * ratePerSecond} (0 = as fast as the database commits).
   */
  public static Result run(
      BenchDatabase db, int step, long events, double ratePerSecond, int clients)
      throws SQLException, InterruptedException {
    return run(db, step, events, ratePerSecond, clients, 3600);
  }

  /** As above, but stops after {@code maxSeconds} even if fewer rows were inserted. */
  public static Result run(
      BenchDatabase db, int step, long events, double ratePerSecond, int clients, int maxSeconds)
      throws SQLException, InterruptedException {
    var next = new AtomicLong();
    var committed = new AtomicLong();
    var failure = new AtomicReference<Exception>();
    List<Connection> connections = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      connections.add(db.connect());
    }
    long startUs = Clocks.nowMicros();
    long t0 = System.nanoTime();
    var load = new Pacing(step, events, ratePerSecond, t0, t0 + maxSeconds * 1_000_000_000L);
    List<Thread> threads = new ArrayList<>();
    for (Connection connection : connections) {
      Runnable worker = () -> insertLoop(connection, load, next, committed, failure);
      var thread = new Thread(worker, "load-" + threads.size());
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    long endUs = Clocks.nowMicros();
    for (Connection connection : connections) {
      connection.close();
    }
    if (failure.get() != null) {
      throw new SQLException("outbox load failed", failure.get());
    }
    return new Result(committed.get(), startUs, endUs);
  }

  /** Inserts one row with the given step and sequence number on an open connection. */
  public static void insertOne(Connection connection, int step, int seq) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      bind(insert, step, seq).executeUpdate();
    }
  }

  private record Pacing(int step, long events, double rate, long t0, long deadline) {}

  private static void insertLoop(
      Connection connection,
      Pacing load,
      AtomicLong next,
      AtomicLong committed,
      AtomicReference<Exception> failure) {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (long i = next.getAndIncrement(); i < load.events(); i = next.getAndIncrement()) {
        if (failure.get() != null || System.nanoTime() > load.deadline()) {
          return;
        }
        if (load.rate() > 0) {
          long due = load.t0() + (long) (i * 1e9 / load.rate());
          for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
          }
        }
        bind(insert, load.step(), (int) i).executeUpdate();
        committed.incrementAndGet();
      }
    } catch (Exception e) {
      failure.compareAndSet(null, e);
    }
  }

  private static PreparedStatement bind(PreparedStatement insert, int step, int seq)
      throws SQLException {
    insert.setObject(1, UUID.randomUUID());
    insert.setInt(2, step);
    insert.setInt(3, seq);
    insert.setString(4, "user-" + seq + "@example.com");
    return insert;
  }
}
