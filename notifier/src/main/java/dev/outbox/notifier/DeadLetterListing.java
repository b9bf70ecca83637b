package dev.outbox.notifier;

import java.util.List;

/**
 * What {@code dlq list} saw: {@code depth} dead letters across the queues, of which it shows {@code
 * letters} (at most the limit asked for).
 */
public record DeadLetterListing(long depth, List<DeadLetter> letters) {

  public DeadLetterListing {
    letters = List.copyOf(letters);
  }
}
