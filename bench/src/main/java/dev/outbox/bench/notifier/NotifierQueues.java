package dev.outbox.bench.notifier;

import com.rabbitmq.client.Channel;
import dev.outbox.config.EventExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The exchange and the queues of one measured notifier, named from the settings it runs with (so
 * the harness and the notifier agree on them): its two work queues (NOTIFIER_QUEUE and
 * NOTIFIER_ANALYTICS_QUEUE, which the harness sets), their delay queues {@code <queue>.retry.
 * <delay>ms} and dead-letter queues {@code <queue>.dlq} (the names the notifier declares, see the
 * README), and the exchange's alternate exchange and queue.
 */
final class NotifierQueues {

  private final String exchange;
  private final List<String> workQueues;
  private final List<Duration> retryDelays;

  NotifierQueues(String exchange, NotifierConsumerSettings settings) {
    this.exchange = exchange;
    this.workQueues = List.of(exchange + ".notifications", exchange + ".analytics");
    this.retryDelays = settings.retryDelays();
  }

  /** The delay queue of {@code workQueue} for {@code delay}. */
  static String retry(String workQueue, Duration delay) {
    return workQueue + ".retry." + delay.toMillis() + "ms";
  }

  /** Where {@code workQueue}'s messages go when they give up. */
  static String deadLetter(String workQueue) {
    return workQueue + ".dlq";
  }

  /**
   * The exchange in the contract's shape (docs/events.md) and the two work queues bound to
   * user.created, so events published before the notifier starts wait for it. The notifier's own
   * declarations at start are the same, hence no-ops, plus its delay and dead-letter queues.
   */
  void declare(Channel channel) throws IOException {
    try {
      EventExchange.declare(channel.getConnection(), exchange);
    } catch (TimeoutException e) {
      throw new IOException("declaring " + exchange + " timed out", e);
    }
    for (String queue : workQueues) {
      channel.queueDeclare(queue, true, false, false, null);
      channel.queueBind(queue, exchange, UserCreatedMessage.TYPE);
    }
  }

  String exchange() {
    return exchange;
  }

  /** The notification consumer's work queue (NOTIFIER_QUEUE). */
  String notifications() {
    return workQueues.get(0);
  }

  /** The analytics consumer's work queue (NOTIFIER_ANALYTICS_QUEUE). */
  String analytics() {
    return workQueues.get(1);
  }

  /**
   * Messages waiting for one consumer: in its work queue or, when that is empty, in its delay
   * queues (retries, and copies that found their original still being sent). Not counted: those
   * delivered and not yet acknowledged. The delay queues exist once the notifier has started.
   */
  long waiting(Channel channel, String workQueue) throws IOException {
    long waiting = channel.messageCount(workQueue);
    for (int i = 0; waiting == 0 && i < retryDelays.size(); i++) {
      waiting += channel.messageCount(retry(workQueue, retryDelays.get(i)));
    }
    return waiting;
  }

  /** Messages the notifier dead-lettered, and those no queue was bound for. */
  long deadLettered(Channel channel) throws IOException {
    long dead = channel.messageCount(unroutable());
    for (String queue : workQueues) {
      dead += channel.messageCount(deadLetter(queue));
    }
    return dead;
  }

  /** Deletes every queue and exchange above; missing ones are fine. */
  void delete(Channel channel) throws IOException {
    for (String queue : all()) {
      channel.queueDelete(queue);
    }
    channel.exchangeDelete(exchange);
    channel.exchangeDelete(unroutable());
  }

  private List<String> all() {
    List<String> queues = new ArrayList<>();
    for (String queue : workQueues) {
      queues.add(queue);
      queues.add(deadLetter(queue));
      retryDelays.forEach(delay -> queues.add(retry(queue, delay)));
    }
    queues.add(unroutable());
    return queues;
  }

  private String unroutable() {
    return EventExchange.unroutableName(exchange);
  }
}
