package dev.outbox.notifier.event;

/**
 * A message that does not follow the event contract (not JSON, a missing or mistyped field). It
 * will never succeed, so it goes to the dead-letter queue at once.
 */
public class MalformedEvent extends RuntimeException {

  public MalformedEvent(String message) {
    super(message);
  }

  public MalformedEvent(String message, Throwable cause) {
    super(message, cause);
  }
}
