package dev.outbox.relay.standby;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
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
  private static final Duration FAILED_TERM_PAUSE = Duration.ofMillis(500);

  private final CountDownLatch closing = new CountDownLatch(1);
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

  // Competes for as long as the relay runs: a term that fails unexpectedly is logged, its lock
  // given up, and after a pause the relay is a standby again. Before, such a failure ended this
  // thread and left a process that neither streamed nor stood by (RELIABILITY.md, finding 5). Only
  // close() ends it: an interrupt that comes from anywhere else is logged and the election goes on
  // (a stray interrupt from a term's clean-up once ended it silently, with the same result).
  private void compete() {
    int failures = 0;
    while (!closed) {
      try {
        if (!lock.acquire()) {
          return;
        }
        log.info("relay holds the lock of slot {}: active", slot);
        try {
          term.serve(lock);
          failures = 0;
        } catch (RuntimeException e) {
          failures++;
          log.error("the relay's term on slot {} failed; standing by again", slot, e);
          lock.release();
          pause(failures);
        }
      } catch (InterruptedException e) {
        if (closed) {
          return;
        }
        log.warn(
            "the election on slot {} was interrupted while not closing; competing again", slot);
        lock.release();
      }
    }
  }

  private void pause(int failures) throws InterruptedException {
    long millis = Math.min(FAILED_TERM_PAUSE.toMillis() << Math.min(failures - 1, 6), 30_000);
    if (closing.await(millis, TimeUnit.MILLISECONDS)) {
      throw new InterruptedException("relay closing");
    }
  }

  /**
   * Stops the term (so nothing runs without the lock), then gives the lock up and waits up to 30 s
   * for the election's thread.
   */
  @Override
  public void close() {
    closed = true;
    closing.countDown();
    term.stop();
    lock.close();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
