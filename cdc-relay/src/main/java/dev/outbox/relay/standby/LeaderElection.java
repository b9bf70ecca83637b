package dev.outbox.relay.standby;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One relay active per slot: on a thread of its own, waits for the slot's {@link LeaderLock} (a
 * standby waits here), serves a {@link Term} while it holds it, and competes again when the term
 * ends because the lock was lost, until closed.
 */
public final class LeaderElection implements AutoCloseable {

  /** What the relay does while it holds the lock. */
  public interface Term {

    /**
     * Runs while this instance holds {@code lock}; returns when it lost the lock (released, so the
     * election competes again) or was stopped.
     */
    void serve(LeaderLock lock) throws InterruptedException;

    /** Ends the term for good and stops what it runs; the lock is given up right after. */
    void stop();
  }

  private static final Logger log = LoggerFactory.getLogger(LeaderElection.class);

  private final LeaderLock lock;
  private final String slot;
  private final Term term;
  private final Thread thread;
  private volatile boolean closed;

  public LeaderElection(LeaderLock lock, String slot, Term term) {
    this.lock = lock;
    this.slot = slot;
    this.term = term;
    this.thread = new Thread(this::compete, "relay-leader-" + slot);
  }

  /** Whether the election still runs: competing for the lock (standby) or serving its term. */
  public boolean isRunning() {
    return !closed && thread.isAlive();
  }

  /** Starts competing for the lock; returns at once. */
  public void start() {
    thread.start();
  }

  private void compete() {
    try {
      while (!closed && lock.acquire()) {
        log.info("relay holds the lock of slot {}: active", slot);
        term.serve(lock);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops the term (so nothing runs without the lock), then gives the lock up and waits up to 30 s
   * for the election's thread.
   */
  @Override
  public void close() {
    closed = true;
    term.stop();
    lock.close();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
