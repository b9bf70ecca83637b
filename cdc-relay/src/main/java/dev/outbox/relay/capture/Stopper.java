package dev.outbox.relay.capture;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Backoff pauses that end at once when the relay stops, so a retry loop never delays shutdown. The
 * waits between attempts grow exponentially with jitter (resilience4j {@code IntervalFunction}: 100
 * ms doubling to 5 s, ±50 %).
 */
final class Stopper {

  private static final IntervalFunction BACKOFF =
      IntervalFunction.ofExponentialRandomBackoff(
          Duration.ofMillis(100), 2.0, 0.5, Duration.ofSeconds(5));

  private final CountDownLatch stopped = new CountDownLatch(1);
  private final IntervalFunction backoff;

  Stopper() {
    this(BACKOFF);
  }

  /** A stopper with other waits between attempts (the chain's unit tests keep them short). */
  Stopper(IntervalFunction backoff) {
    this.backoff = backoff;
  }

  void stop() {
    stopped.countDown();
  }

  boolean isStopped() {
    return stopped.getCount() == 0;
  }

  /** Waits the backoff after failed attempt number {@code attempt} (1 for the first). */
  void backOff(int attempt) throws InterruptedException {
    pause(Duration.ofMillis(backoff.apply(attempt)));
  }

  /** Waits {@code delay}; throws when the relay stops meanwhile (nothing may be acknowledged). */
  void pause(Duration delay) throws InterruptedException {
    if (stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new Stopping("relay stopping");
    }
  }

  /**
   * The relay's own stop, thrown where a wait ends because of it. Unlike a thread's interrupt it
   * says nothing about the thread that catches it, so it is never turned back into the thread's
   * interrupt flag: the closing thread may be the leader election's, which must go on competing.
   */
  static final class Stopping extends InterruptedException {
    Stopping(String message) {
      super(message);
    }
  }
}
