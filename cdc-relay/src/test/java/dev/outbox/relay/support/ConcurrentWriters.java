package dev.outbox.relay.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Several writer threads committing one-row transactions for a few shared aggregates, each row's
 * aggregate picked at random: no writer holds any lock of its own, so rows of one aggregate from
 * different writers commit in whatever order the server lets them. Paced (a ticker hands out
 * permits every 10 ms), so they are still busy while the relay restarts. The commit order to check
 * against comes from {@link CommitOrder}, not from here.
 */
public final class ConcurrentWriters {

  private final DataSource dataSource;
  private final String type;
  private final List<String> aggregates = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicInteger written = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final int perSecond;
  private volatile boolean stopping;
  private final Semaphore permits = new Semaphore(0);
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "writers-ticker"));

  /** {@code writers} threads writing about {@code perSecond} rows a second until {@link #stop}. */
  public ConcurrentWriters(
      RelayEnvironment env, String type, int writers, int aggregates, int perSecond) {
    this(env.dataSource, type, writers, aggregates, perSecond);
  }

  /** The same, writing through {@code dataSource} (a database of the test's own). */
  public ConcurrentWriters(
      DataSource dataSource, String type, int writers, int aggregates, int perSecond) {
    this.dataSource = dataSource;
    this.type = type;
    this.perSecond = perSecond;
    for (int i = 0; i < aggregates; i++) {
      this.aggregates.add(UUID.randomUUID().toString());
    }
    for (int i = 0; i < writers; i++) {
      threads.add(new Thread(this::write, "writer-" + i));
    }
  }

  public ConcurrentWriters start() {
    int perTick = Math.max(1, perSecond / 100);
    ticker.scheduleAtFixedRate(() -> permits.release(perTick), 0, 10, TimeUnit.MILLISECONDS);
    threads.forEach(Thread::start);
    return this;
  }

  private void write() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (!stopping) {
      try {
        if (!permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
          continue;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      String aggregate = aggregates.get(random.nextInt(aggregates.size()));
      try {
        RelayEnvironment.insert(dataSource, aggregate, type, "{}");
        written.incrementAndGet();
      } catch (RuntimeException e) {
        failed.incrementAndGet();
        throw e;
      }
    }
  }

  /** Rows committed so far. */
  public int written() {
    return written.get();
  }

  /** Inserts that failed (each fails the writer that made it). */
  public int failed() {
    return failed.get();
  }

  /** Stops the writers and waits for them; {@link #written()} is final then. */
  public void stop() throws InterruptedException {
    stopping = true;
    for (Thread t : threads) {
      t.join();
    }
    ticker.shutdownNow();
  }
}
