package dev.outbox.relay.window;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Positions the relay stored, each with the time it was seen, handing out the newest one that is at
 * least {@code window} old: the position the slot may be confirmed to. Samples are thinned to one
 * per {@code max(1 s, window / 1000)}, so a long window costs at most about a thousand of them; the
 * slot then trails the stored position by the window plus at most that spacing.
 *
 * @param <P> the position (the engine's offset map; anything in tests)
 */
final class ReplayWindow<P> {

  private record Sample<P>(Instant seen, P position) {}

  private final Duration window;
  private final Duration spacing;
  private final Deque<Sample<P>> samples = new ArrayDeque<>();

  ReplayWindow(Duration window) {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a replay window must be positive, got " + window);
    }
    this.window = window;
    Duration thousandth = window.dividedBy(1000);
    this.spacing =
        thousandth.compareTo(Duration.ofSeconds(1)) > 0 ? thousandth : Duration.ofSeconds(1);
  }

  /** Remembers {@code position} as stored at {@code now}, unless a sample was taken just before. */
  synchronized void record(Instant now, P position) {
    Sample<P> last = samples.peekLast();
    if (last == null || !now.isBefore(last.seen().plus(spacing))) {
      samples.addLast(new Sample<>(now, position));
    }
  }

  /**
   * The newest position seen at least the window before {@code now}, if any; older samples are
   * dropped (the slot never goes back to them).
   */
  synchronized Optional<P> due(Instant now) {
    Instant cutoff = now.minus(window);
    Sample<P> newestDue = null;
    while (!samples.isEmpty() && !samples.peekFirst().seen().isAfter(cutoff)) {
      newestDue = samples.pollFirst();
    }
    if (newestDue == null) {
      return Optional.empty();
    }
    // Kept, so the next commit repeats it until a newer one falls due (a repeated confirm is a
    // no-op for the slot, and Debezium's flush doubles as a keep-alive).
    samples.addFirst(newestDue);
    return Optional.of(newestDue.position());
  }

  /** How many samples are held (for tests). */
  synchronized int size() {
    return samples.size();
  }
}
