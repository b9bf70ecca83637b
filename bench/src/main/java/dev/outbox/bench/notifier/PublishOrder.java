package dev.outbox.bench.notifier;

/**
 * The order in which distinct events and their exact copies are published: every distinct event
 * once, in order, and a share of them a second time, spread evenly over the run. Each copy follows
 * its original by a gap of up to {@link #MAX_GAP} messages, far more than the notifier holds
 * unacknowledged (channels × prefetch, 40 by default), so the copy normally finds the original sent
 * and is skipped as a duplicate rather than racing it (a copy that finds the original still being
 * sent waits in the notifier's first delay queue, a second). The gap shrinks only when there are
 * too few distinct events to keep it.
 */
public final class PublishOrder {

  static final int MAX_GAP = 200;

  private PublishOrder() {}

  /** How many copies {@code duplicatePercent} percent of {@code distinct} events make. */
  public static int copies(int distinct, int duplicatePercent) {
    if (duplicatePercent < 0 || duplicatePercent > 100) {
      throw new IllegalArgumentException("duplicatePercent must be 0-100: " + duplicatePercent);
    }
    return (int) Math.round(distinct * duplicatePercent / 100.0);
  }

  /**
   * Indices into the distinct events, in publishing order: {@code 0 .. distinct-1} ascending, with
   * {@link #copies} of them repeated.
   */
  public static int[] of(int distinct, int duplicatePercent) {
    int copies = copies(distinct, duplicatePercent);
    int gap = Math.min(MAX_GAP, distinct - copies);
    int[] order = new int[distinct + copies];
    int at = 0;
    int copy = 0;
    for (int event = 0; event < distinct; event++) {
      order[at++] = event;
      // copy i duplicates original(i) and goes right after event original(i) + gap; both grow
      // with i, so the copies due here are the next ones in line
      while (copy < copies && original(copy, copies, distinct, gap) + gap == event) {
        order[at++] = original(copy++, copies, distinct, gap);
      }
    }
    return order;
  }

  /** The distinct event copy {@code i} duplicates: evenly spread over the first ones. */
  private static int original(int i, int copies, int distinct, int gap) {
    return (int) ((long) i * (distinct - gap) / copies);
  }
}
