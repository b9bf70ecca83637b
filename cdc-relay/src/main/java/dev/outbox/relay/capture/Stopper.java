package dev.outbox.relay.capture;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Backoff pauses that end at once when the relay stops, so a retry loop never delays shutdown. */
final class Stopper {

  private final CountDownLatch stopped = new CountDownLatch(1);

  void stop() {
    stopped.countDown();
  }

  boolean isStopped() {
    return stopped.getCount() == 0;
  }

  /** Waits {@code delay}; throws when the relay stops meanwhile (nothing may be acknowledged). */
  void pause(Duration delay) throws InterruptedException {
    if (stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new InterruptedException("relay stopping");
    }
  }
}
