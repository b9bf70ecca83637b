package dev.outbox.notifier.consume;

import com.rabbitmq.client.Connection;
import dev.outbox.config.AmqpConnections;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier's one AMQP connection, whose consumer callbacks run on a pool of its own: one thread
 * per channel, so that a slow provider call on one channel holds up no other.
 */
public final class BrokerConnection implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BrokerConnection.class);

  private final Connection connection;
  private final ExecutorService executor;

  private BrokerConnection(Connection connection, ExecutorService executor) {
    this.connection = connection;
    this.executor = executor;
  }

  /** Connects to the first broker of {@code connections} that answers. */
  public static BrokerConnection open(AmqpConnections connections, int threads, String name)
      throws IOException, TimeoutException {
    AtomicInteger n = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "notifier-consumer-" + n.incrementAndGet());
              t.setDaemon(false);
              return t;
            });
    try {
      return new BrokerConnection(
          connections.open(connections.newFactory(), executor, name), executor);
    } catch (IOException | TimeoutException | RuntimeException e) {
      executor.shutdown();
      throw e;
    }
  }

  public Connection connection() {
    return connection;
  }

  public boolean isOpen() {
    return connection.isOpen();
  }

  /** Closes the connection (its channels with it), then the callback threads. */
  @Override
  public void close() {
    try {
      if (connection.isOpen()) {
        connection.close();
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Closing the AMQP connection failed", e);
    }
    executor.shutdown();
  }
}
