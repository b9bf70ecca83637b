package dev.outbox.relay.publish;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import dev.outbox.config.AmqpConnections;
import dev.outbox.config.EventExchange;
import dev.outbox.config.Outage;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's own broker connection, opened at start so that the exchange topology ({@link
 * EventExchange}) exists before the first event and an independent consumer can bind to it, and
 * watched while the relay is idle: {@link #run()} (on the relay's monitor schedule) reopens it and
 * declares the topology again after an outage. The outage is the relay's one {@link Outage}, shared
 * with the publisher, so a broker that goes away is logged once whichever of them notices first.
 * The client's automatic recovery is off: this watch is the one that reconnects, also when the
 * broker was already down at start (the client only recovers connections it once had).
 */
public final class BrokerWatch implements Runnable, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BrokerWatch.class);

  private final AmqpConnections connections;
  private final ConnectionFactory factory;
  private final String exchange;
  private final Outage outage;
  private final Runnable outageStarted;
  private volatile Connection connection;
  private volatile boolean closed;

  /**
   * @param outage the relay's broker outage, shared with its publisher
   * @param outageStarted counts an outage this watch noticed first (relay_outages_total)
   */
  public BrokerWatch(
      AmqpConnections connections, String exchange, Outage outage, Runnable outageStarted) {
    this.connections = connections;
    this.factory = connections.newFactory();
    factory.setAutomaticRecoveryEnabled(false);
    factory.setRequestedHeartbeat(5);
    factory.setConnectionTimeout(5_000);
    this.exchange = exchange;
    this.outage = outage;
    this.outageStarted = outageStarted;
  }

  /** Connects and declares the topology when not connected; never throws. */
  @Override
  public synchronized void run() {
    if (closed || isConnected()) {
      return;
    }
    Connection opened = null;
    try {
      opened = connections.open(factory, "outbox-relay-watch");
      EventExchange.declare(opened, exchange);
      opened.addShutdownListener(this::lost);
      connection = opened;
      outage.succeeded();
    } catch (IOException | TimeoutException | RuntimeException e) {
      if (opened != null) {
        opened.abort(1_000);
      }
      failed(e.toString());
    }
  }

  private void lost(ShutdownSignalException cause) {
    if (!closed && !cause.isInitiatedByApplication()) {
      failed(cause.getMessage());
    }
  }

  private void failed(String cause) {
    if (outage.failed(cause)) {
      outageStarted.run();
    }
    log.debug("broker watch: not connected: {}", cause);
  }

  /** Whether the watch's connection to the broker is open now. */
  public boolean isConnected() {
    Connection current = connection;
    return current != null && current.isOpen();
  }

  /** The brokers, without credentials, for the readiness body. */
  public String brokers() {
    return connections.display();
  }

  @Override
  public synchronized void close() {
    closed = true;
    Connection current = connection;
    connection = null;
    if (current != null && current.isOpen()) {
      current.abort(1_000);
    }
  }
}
