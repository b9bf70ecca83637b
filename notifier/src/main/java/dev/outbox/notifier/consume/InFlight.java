package dev.outbox.notifier.consume;

import java.time.Duration;

/** Counts messages in work, so that stopping can wait for them to settle. */
final class InFlight {

  private int count;

  synchronized void enter() {
    count++;
  }

  synchronized void leave() {
    count--;
    notifyAll();
  }

  /** Waits until nothing is in work or {@code grace} has passed. */
  synchronized void awaitIdle(Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    while (count > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
