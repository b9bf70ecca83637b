package dev.outbox.notifier.consume;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import dev.outbox.notifier.config.ConsumerSettings;
import dev.outbox.notifier.event.EventHandler;
import dev.outbox.notifier.event.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Tracer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds one {@link EventHandler} from its own durable queue: {@code concurrency} channels with
 * manual acks and a bounded prefetch each. Each message is settled by a {@link MessageSettler}: the
 * handler's {@link Outcome} decides its route, and it is acknowledged only once that is durable; a
 * message whose route could not be made durable goes back to the queue. Stopping lets the messages
 * in work settle first.
 */
public final class RabbitMqConsumer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RabbitMqConsumer.class);

  private final Connection connection;
  private final QueueTopology topology;
  private final String queue;
  private final EventHandler handler;
  private final ConsumerSettings settings;
  private final MessageSettler settler;
  private final ConsumerMetrics metrics;
  private final InFlight inFlight = new InFlight();
  // Read by readiness probes without the lock (a stop holds it for its grace period).
  private final Tracer tracer;
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

  private record Subscription(Channel channel, String tag) {}

  private record Worker(Channel channel, ConfirmedPublisher publisher) {}

  public RabbitMqConsumer(
      Connection connection,
      String exchange,
      String queue,
      EventHandler handler,
      ConsumerSettings settings,
      MeterRegistry meters,
      Clock clock,
      Tracer tracer) {
    this.connection = connection;
    this.tracer = tracer;
    this.queue = queue;
    this.handler = handler;
    this.settings = settings;
    this.topology =
        new QueueTopology(
            exchange, queue, handler.eventTypes(), settings.retryDelays(), settings.queueType());
    this.metrics = new ConsumerMetrics(meters, queue, handler.name());
    this.settler =
        new MessageSettler(
            queue,
            handler,
            settings.maxAttempts(),
            new Routing(queue, handler.name(), settings, clock),
            metrics);
  }

  /** Declares the queues and starts consuming; returns at once. */
  public synchronized void start() throws IOException, TimeoutException {
    topology.declare(connection);
    for (int i = 0; i < settings.concurrency(); i++) {
      Channel channel = connection.createChannel();
      Worker worker = new Worker(channel, new ConfirmedPublisher(channel));
      channel.basicQos(settings.prefetch());
      String tag =
          channel.basicConsume(
              queue, false, (consumerTag, delivery) -> onDelivery(worker, delivery), t -> {});
      subscriptions.add(new Subscription(channel, tag));
    }
    log.info(
        "Consuming {} for {} ({} channels, prefetch {})",
        queue,
        handler.eventTypes(),
        settings.concurrency(),
        settings.prefetch());
  }

  /** The queue this consumer feeds from. */
  public String queue() {
    return queue;
  }

  /** Whether it consumes now: started, every channel open (the client reopens them on recovery). */
  public boolean isAttached() {
    return !subscriptions.isEmpty()
        && subscriptions.stream().allMatch(subscription -> subscription.channel().isOpen());
  }

  private void onDelivery(Worker worker, Delivery delivery) {
    inFlight.enter();
    Timer.Sample sample = metrics.startTimer();
    // Closed in finally rather than by try-with-resources, so that the catch blocks log with it.
    EventMdc mdc = EventMdc.of(delivery.getProperties(), tracer, queue);
    try {
      settler.settle(worker.channel(), worker.publisher(), delivery);
    } catch (AlreadyClosedException e) {
      // Stopping (or a lost connection) closed the channel under a message in work: the broker
      // redelivers every unacknowledged message of a closed channel, and the delivery log makes
      // the redelivery a no-op where the send already happened.
      log.info("Channel of {} closed with a message in work; the broker redelivers it", queue);
    } catch (IOException | TimeoutException | RuntimeException e) {
      // The outcome could not be made durable: hand the message back for another try.
      log.error("Could not settle a message of {}; requeueing it", queue, e);
      requeue(worker.channel(), delivery);
    } finally {
      metrics.stopTimer(sample);
      inFlight.leave();
      mdc.close();
    }
  }

  private void requeue(Channel channel, Delivery delivery) {
    try {
      if (channel.isOpen()) {
        channel.basicNack(delivery.getEnvelope().getDeliveryTag(), false, true);
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Could not requeue; the broker redelivers when the channel closes", e);
    }
  }

  /**
   * Stops taking new messages, waits up to {@code grace} for the ones in work to settle, then
   * closes the channels; anything still unacknowledged goes back to the queue.
   */
  public synchronized void stop(Duration grace) {
    for (Subscription subscription : subscriptions) {
      try {
        if (subscription.channel().isOpen()) {
          subscription.channel().basicCancel(subscription.tag());
        }
      } catch (IOException | RuntimeException e) {
        log.debug("Cancel failed on {}", queue, e);
      }
    }
    inFlight.awaitIdle(grace);
    for (Subscription subscription : subscriptions) {
      try {
        if (subscription.channel().isOpen()) {
          subscription.channel().close();
        }
      } catch (IOException | TimeoutException | RuntimeException e) {
        log.debug("Close failed on {}", queue, e);
      }
    }
    subscriptions.clear();
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(30));
  }
}
