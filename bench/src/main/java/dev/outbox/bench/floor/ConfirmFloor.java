package dev.outbox.bench.floor;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import dev.outbox.bench.BenchConfig;
import dev.outbox.bench.measure.Histograms;
import dev.outbox.bench.report.Results;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RabbitMQ's own figures for what every contestant does: persistent publishes to a durable queue
 * (drained by an auto-ack consumer, as in the contestants' runs) with publisher confirms. Paced at
 * 500/s one at a time for the confirm latency, and with up to 100 unconfirmed messages in flight
 * for the sustained rate.
 */
public final class ConfirmFloor {

  private static final Logger log = LoggerFactory.getLogger(ConfirmFloor.class);
  private static final byte[] BODY = new byte[300];

  static {
    Arrays.fill(BODY, (byte) 'x');
  }

  private ConfirmFloor() {}

  public static void run(BenchConfig config, Connection amqp, Results results, int rep, String tag)
      throws Exception {
    String exchange = "bench." + tag + ".floor." + rep;
    try (Channel admin = amqp.createChannel();
        Channel drain = amqp.createChannel();
        Channel publish = amqp.createChannel()) {
      admin.exchangeDeclare(exchange, "topic", true);
      admin.queueDeclare(exchange + ".q", true, false, false, null);
      admin.queueBind(exchange + ".q", exchange, "#");
      drain.basicConsume(exchange + ".q", true, (t, d) -> {}, t -> {});
      publish.confirmSelect();
      Histogram paced = paced(publish, exchange, config.floorSeconds());
      results.floors.add(
          new Results.FloorRun(
              "RabbitMQ persistent publish + confirm",
              "paced 500/s, one at a time",
              rep,
              paced.getTotalCount() / (double) config.floorSeconds(),
              paced));
      double rate = windowed(publish, exchange, config.floorSeconds(), 100);
      results.floors.add(
          new Results.FloorRun(
              "RabbitMQ persistent publish + confirm", "window 100", rep, rate, null));
      log.info(
          "confirm floor rep {}: p50 {} ms paced, {} msg/s windowed",
          rep,
          paced.getValueAtPercentile(50) / 1000.0,
          Math.round(rate));
      admin.queueDelete(exchange + ".q");
      admin.exchangeDelete(exchange);
    }
  }

  private static Histogram paced(Channel channel, String exchange, int seconds)
      throws IOException, InterruptedException, TimeoutException {
    Histogram latency = Histograms.create();
    long t0 = System.nanoTime();
    long count = 500L * seconds;
    for (long i = 0; i < count; i++) {
      long due = t0 + i * 2_000_000L;
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      long start = System.nanoTime();
      channel.basicPublish(exchange, "floor", MessageProperties.PERSISTENT_BASIC, BODY);
      channel.waitForConfirmsOrDie(10_000);
      latency.recordValue(Histograms.clamp((System.nanoTime() - start) / 1000));
    }
    return latency;
  }

  private static double windowed(Channel channel, String exchange, int seconds, int window)
      throws IOException, InterruptedException, TimeoutException {
    var inFlight = new Semaphore(window);
    var confirmed = new AtomicLong();
    var outstanding = new java.util.concurrent.ConcurrentSkipListSet<Long>();
    channel.addConfirmListener(
        (tag, multiple) -> release(outstanding, inFlight, confirmed, tag, multiple),
        (tag, multiple) -> release(outstanding, inFlight, confirmed, tag, multiple));
    AMQP.BasicProperties props = MessageProperties.PERSISTENT_BASIC;
    long t0 = System.nanoTime();
    long end = t0 + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      if (!inFlight.tryAcquire(1, TimeUnit.SECONDS)) {
        break;
      }
      outstanding.add(channel.getNextPublishSeqNo());
      channel.basicPublish(exchange, "floor", props, BODY);
    }
    channel.waitForConfirmsOrDie(10_000);
    return confirmed.get() / ((System.nanoTime() - t0) / 1e9);
  }

  private static void release(
      java.util.concurrent.ConcurrentSkipListSet<Long> outstanding,
      Semaphore inFlight,
      AtomicLong confirmed,
      long tag,
      boolean multiple) {
    int n = 0;
    if (multiple) {
      var head = outstanding.headSet(tag, true);
      n = head.size();
      head.clear();
    } else if (outstanding.remove(tag)) {
      n = 1;
    }
    confirmed.addAndGet(n);
    inFlight.release(n);
  }
}
