package dev.outbox.notifier.consume;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes to a queue through the default exchange and returns only once the broker has the
 * message: publisher confirms for durability, the mandatory flag so that a missing queue (deleted
 * while we run) is an error instead of a confirmed drop. Not thread-safe: one per channel, used
 * from that channel's consumer callbacks, which the client runs one at a time.
 */
public final class ConfirmedPublisher {

  private static final long CONFIRM_TIMEOUT_MS = 10_000;

  private final Channel channel;
  private final AtomicBoolean returned = new AtomicBoolean();

  /** Puts {@code channel} in confirm mode. */
  public ConfirmedPublisher(Channel channel) throws IOException {
    this.channel = channel;
    channel.confirmSelect();
    // The broker sends basic.return before the confirm of an unroutable mandatory message.
    channel.addReturnListener(message -> returned.set(true));
  }

  /**
   * @throws IOException when the broker could not route or store the message; the caller must then
   *     not acknowledge what it was moving
   */
  public void publish(String queue, AMQP.BasicProperties props, byte[] body)
      throws IOException, TimeoutException {
    returned.set(false);
    channel.basicPublish("", queue, true, props, body);
    try {
      channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the broker's confirm", e);
    }
    if (returned.get()) {
      throw new IOException("queue " + queue + " does not exist: the message was not stored");
    }
  }
}
