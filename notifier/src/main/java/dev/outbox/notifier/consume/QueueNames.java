package dev.outbox.notifier.consume;

import java.time.Duration;

/**
 * The queues around one work queue {@code q}: {@code q.retry.<delay>ms} hold messages for a delay
 * (message TTL) and then dead-letter them back into {@code q}; {@code q.dlq} keeps the messages
 * that gave up, and {@code q.parked} those an operator discarded from it ({@code dlq discard}).
 * Delays are part of the name so that changing them declares new queues instead of clashing with
 * the arguments of existing ones.
 */
public final class QueueNames {

  private QueueNames() {}

  public static String deadLetter(String queue) {
    return queue + ".dlq";
  }

  public static String parked(String queue) {
    return queue + ".parked";
  }

  public static String retry(String queue, Duration delay) {
    return queue + ".retry." + delay.toMillis() + "ms";
  }
}
