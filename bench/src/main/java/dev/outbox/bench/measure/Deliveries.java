package dev.outbox.bench.measure;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.outbox.bench.load.Clocks;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The consumer side of every contestant: a durable queue bound with '#' to the contestant's
 * exchange, consumed with auto-ack, stamping each delivery with the wall clock the moment the
 * client hands it over. Deliveries of another step than the current one (late or replayed) are
 * counted as stale and otherwise ignored.
 */
public final class Deliveries implements AutoCloseable {

  private final Channel channel;
  private final String queue;
  private final AtomicLong stale = new AtomicLong();
  private volatile StepRecording current = new StepRecording(-1, 0);

  private Deliveries(Channel channel, String queue) {
    this.channel = channel;
    this.queue = queue;
  }

  /** Declares the queue (durable, as a real consumer's would be) and starts consuming it. */
  public static Deliveries declare(Connection amqp, String queue) throws IOException {
    Channel channel = amqp.createChannel();
    channel.queueDeclare(queue, true, false, false, null);
    var deliveries = new Deliveries(channel, queue);
    channel.basicConsume(queue, true, deliveries.consumer());
    return deliveries;
  }

  /** Binds the queue to an exchange that must exist. */
  public void bindTo(String exchange) throws IOException {
    channel.queueBind(queue, exchange, "#");
  }

  /** Starts recording {@code step}; deliveries of earlier steps count as stale from now on. */
  public StepRecording expect(int step, long events) {
    var recording = new StepRecording(step, events);
    current = recording;
    return recording;
  }

  public long stale() {
    return stale.get();
  }

  private DefaultConsumer consumer() {
    return new DefaultConsumer(channel) {
      @Override
      public void handleDelivery(
          String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        long receivedUs = Clocks.nowMicros();
        BenchPayload payload = BenchPayload.parse(body);
        StepRecording recording = current;
        if (payload != null && payload.step() == recording.step()) {
          recording.record(payload, receivedUs);
        } else {
          stale.incrementAndGet();
        }
      }
    };
  }

  /** Deletes the queue: it is this run's own. */
  @Override
  public void close() throws IOException {
    try {
      channel.queueDelete(queue);
      channel.close();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IOException("closing the consumer channel timed out", e);
    }
  }
}
