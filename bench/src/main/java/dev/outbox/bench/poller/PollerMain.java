package dev.outbox.bench.poller;

import dev.outbox.config.ConfigReader;
import dev.outbox.config.DatabaseSettings;
import dev.outbox.config.Environment;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The baseline the relay replaces: the seed design's polling outbox worker, as a process of its own
 * so the harness measures its CPU and memory like the relay's. It polls on a ticker (a poll that
 * overruns the interval is followed by the next one at once, like Go's time.Ticker) and stops
 * cleanly on SIGTERM.
 */
public final class PollerMain {

  /** Printed once the worker is connected and about to poll. */
  public static final String READY = "poller polling every";

  private static final Logger log = LoggerFactory.getLogger(PollerMain.class);

  private PollerMain() {}

  public static void main(String[] args) throws Exception {
    PollerConfig config = ConfigReader.read(Environment.system(), PollerConfig::read);
    DatabaseSettings database = config.database();
    String exchange = config.eventBus().exchange();
    var stopped = new CountDownLatch(1);
    var running = new AtomicBoolean(true);
    try (var amqp = config.eventBus().connections().open("bench-poller");
        Connection db =
            DriverManager.getConnection(database.url(), database.user(), database.password())) {
      db.setAutoCommit(false);
      var channel = amqp.createChannel();
      channel.exchangeDeclare(exchange, "topic", true);
      var poller = new OutboxPoller(db, channel, exchange, config.batchSize());
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(running, stopped)));
      log.info("{} {} ms, batch {}", READY, config.pollInterval().toMillis(), config.batchSize());
      long interval = config.pollInterval().toNanos();
      long next = System.nanoTime();
      while (running.get()) {
        try {
          poller.pollOnce();
        } catch (Exception e) {
          log.warn("poll failed, retrying at the next tick", e);
        }
        next += interval;
        long wait = next - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        } else {
          next = System.nanoTime();
        }
      }
    } finally {
      stopped.countDown();
    }
  }

  private static void stop(AtomicBoolean running, CountDownLatch stopped) {
    running.set(false);
    try {
      stopped.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
