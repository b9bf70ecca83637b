package dev.outbox.chaos.load;

import java.time.Duration;

/** The load's pacing: a writer's think time between requests, or a retry's back-off. */
final class Pause {

  private Pause() {}

  /** Waits {@code duration}; false when interrupted (the load is stopping). */
  static boolean of(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
