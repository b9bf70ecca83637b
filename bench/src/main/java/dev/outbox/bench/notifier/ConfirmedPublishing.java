package dev.outbox.bench.notifier;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.outbox.bench.load.Clocks;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes messages as fast as the broker confirms them: persistent, with publisher confirms and
 * up to {@link #WINDOW} unconfirmed at a time (the RabbitMQ floor's window), on a channel of its
 * own. Returns once every message is confirmed; a nack or a confirm that never comes is an error.
 */
final class ConfirmedPublishing {

  static final int WINDOW = 100;
  private static final long CONFIRM_TIMEOUT_MS = 30_000;

  /** First publish and last confirm, in {@link Clocks} microseconds. */
  record Published(int messages, long firstUs, long confirmedUs) {
    double ratePerSecond() {
      return messages / Math.max(1e-6, (confirmedUs - firstUs) / 1e6);
    }
  }

  private ConfirmedPublishing() {}

  /** Publishes {@code messages[order[0]], messages[order[1]], ...} to {@code exchange}. */
  static Published publish(
      Connection amqp, String exchange, List<UserCreatedMessage> messages, int[] order)
      throws IOException, InterruptedException, TimeoutException {
    try (Channel channel = amqp.createChannel()) {
      channel.confirmSelect();
      var inFlight = new Semaphore(WINDOW);
      var outstanding = new ConcurrentSkipListSet<Long>();
      var nacked = new AtomicBoolean();
      channel.addConfirmListener(
          (tag, multiple) -> release(outstanding, inFlight, tag, multiple),
          (tag, multiple) -> {
            nacked.set(true);
            release(outstanding, inFlight, tag, multiple);
          });
      long firstUs = Clocks.nowMicros();
      for (int index : order) {
        if (!inFlight.tryAcquire(CONFIRM_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
          throw new TimeoutException("no publisher confirm within " + CONFIRM_TIMEOUT_MS + " ms");
        }
        UserCreatedMessage message = messages.get(index);
        outstanding.add(channel.getNextPublishSeqNo());
        channel.basicPublish(
            exchange, UserCreatedMessage.TYPE, message.properties(), message.body());
      }
      channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
      long confirmedUs = Clocks.nowMicros();
      if (nacked.get()) {
        throw new IOException("the broker nacked a publish to " + exchange);
      }
      return new Published(order.length, firstUs, confirmedUs);
    }
  }

  private static void release(
      ConcurrentSkipListSet<Long> outstanding, Semaphore inFlight, long tag, boolean multiple) {
    int n = 0;
    if (multiple) {
      var head = outstanding.headSet(tag, true);
      n = head.size();
      head.clear();
    } else if (outstanding.remove(tag)) {
      n = 1;
    }
    inFlight.release(n);
  }
}
