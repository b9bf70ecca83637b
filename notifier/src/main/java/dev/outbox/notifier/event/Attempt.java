package dev.outbox.notifier.event;

/**
 * Which attempt at an event this is: {@code number} starts at 1 and grows with each retry; {@code
 * redriven} says an operator sent the message back from the dead-letter queue, which allows failed
 * deliveries to be tried again.
 */
public record Attempt(int number, int maxAttempts, boolean redriven) {

  public boolean isLast() {
    return number >= maxAttempts;
  }

  /**
   * The outcome of a transient failure of {@code handler} on this attempt: a retry, or on the last
   * attempt a dead letter that says it gave up. The one place the attempt limit is applied.
   */
  public Outcome retryLater(String reason, String handler) {
    if (isLast()) {
      return new Outcome.DeadLetter("gave up after " + number + " attempts: " + reason, handler);
    }
    return new Outcome.RetryLater(reason, handler);
  }
}
