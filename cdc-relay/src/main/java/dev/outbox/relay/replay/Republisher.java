package dev.outbox.relay.replay;

import dev.outbox.relay.model.OutboxMessage;
import java.util.List;

/**
 * Publishes events read from their rows, outside the change stream, on a connection of its own: the
 * port through which a replay from the rows uses the capture's delivery (publisher confirms,
 * backoff while the broker is away, publish marks), which implements it.
 */
public interface Republisher extends AutoCloseable {

  /**
   * Publishes {@code events} in order and returns once each is confirmed or refused for good.
   *
   * @return how many the broker confirmed
   * @throws InterruptedException when the relay or command is stopping
   */
  int publish(List<OutboxMessage> events) throws InterruptedException;

  /** Closes the connection. */
  @Override
  void close();
}
