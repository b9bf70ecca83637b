package dev.outbox.relay.publish;

import dev.outbox.relay.model.OutboxMessage;
import java.util.List;

/**
 * Puts outbox messages on the event bus, in the order given, and returns only once the broker has
 * answered for every one of them.
 */
public interface MessagePublisher extends AutoCloseable {

  /**
   * Publishes {@code messages} in order and waits for the broker's confirms.
   *
   * @return the messages the broker refused one by one (nacked, returned as unroutable, or too
   *     large to send); every other message is confirmed
   * @throws BrokerUnavailableException when the broker cannot be reached or the connection was lost
   *     before every answer arrived; the exception says how many leading messages were confirmed
   * @throws InterruptedException when the caller is stopping; nothing is known to be confirmed
   */
  PublishResult publish(List<OutboxMessage> messages) throws InterruptedException;

  /**
   * Publishes {@code messages} in order without waiting for the broker's answers, which {@link
   * Sent#await()} collects, with {@link #publish}'s result and exceptions. The next send may go out
   * before this one is awaited; its messages then follow these on the wire. Awaited in the order
   * sent. This default sends only when awaited.
   */
  default Sent send(List<OutboxMessage> messages) {
    return () -> publish(messages);
  }

  /** A {@link #send} whose answers are still to be collected. */
  @FunctionalInterface
  interface Sent {

    /** As {@link MessagePublisher#publish}, for the messages of this send. */
    PublishResult await() throws InterruptedException;
  }

  /** Closes the connection; in-flight confirms are abandoned. */
  @Override
  void close();
}
