package dev.outbox.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM and Ctrl-C as a {@link StopSignal}: the JVM runs shutdown hooks on either, and this hook
 * holds the exit until the command has closed its roles in reverse start order, for at most {@link
 * #GRACE} (a role closes within its own shorter bounds; this only guards against a hung close).
 */
final class JvmShutdownSignal implements StopSignal {

  static final Duration GRACE = Duration.ofSeconds(90);

  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile boolean armed;

  JvmShutdownSignal() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::onShutdown, "outbox-shutdown"));
  }

  private void onShutdown() {
    requested.countDown();
    if (armed) {
      try {
        done.await(GRACE.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void arm() {
    armed = true;
  }

  @Override
  public void awaitStopRequest() throws InterruptedException {
    requested.await();
  }

  @Override
  public void stopped() {
    done.countDown();
  }

  /** Whether the JVM is shutting down (then {@code System.exit} would block: just return). */
  boolean shuttingDown() {
    return requested.getCount() == 0;
  }
}
