package dev.outbox.chaos.observe;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.outbox.config.AmqpConnections;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;

/**
 * The independent witness of what reached the exchange: a durable queue of the suite's own, bound
 * with {@code #}, consumed with manual acks (an arrival is recorded before it is acknowledged, so a
 * broker crash can only cause a redelivery, never a gap). The client reconnects by itself after the
 * broker restarts.
 */
public final class AuditConsumer implements AutoCloseable {

  public static final String QUEUE = "chaos.audit";

  private final Connection connection;
  private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
  private final Set<UUID> seen = ConcurrentHashMap.newKeySet();
  private final AtomicLong seq = new AtomicLong();
  private volatile Instant lastArrivalAt = Instant.now();

  private AuditConsumer(Connection connection) {
    this.connection = connection;
  }

  /**
   * Waits until one of the roles declared {@code exchange} (the suite never declares it: its shape
   * is the product's), then binds the audit queue and starts consuming.
   */
  public static AuditConsumer start(String amqpUri, String exchange, Duration atMost)
      throws Exception {
    AmqpConnections bus = AmqpConnections.parse(amqpUri); // the roles' own reading of the URL
    ConnectionFactory factory = bus.newFactory();
    factory.setAutomaticRecoveryEnabled(true);
    factory.setTopologyRecoveryEnabled(true);
    factory.setNetworkRecoveryInterval(500);
    factory.setRequestedHeartbeat(5);
    Connection connection = bus.open(factory, "chaos-audit");
    Awaitility.await("exchange " + exchange + " declared by a role")
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(() -> exists(connection, exchange));
    AuditConsumer audit = new AuditConsumer(connection);
    audit.consume(exchange);
    return audit;
  }

  private static boolean exists(Connection connection, String exchange) throws Exception {
    try (Channel probe = connection.createChannel()) {
      probe.exchangeDeclarePassive(exchange);
      return true;
    }
  }

  private void consume(String exchange) throws IOException {
    Channel channel = connection.createChannel();
    channel.queueDeclare(QUEUE, true, false, false, null);
    channel.queueBind(QUEUE, exchange, "#");
    channel.basicQos(500);
    channel.basicConsume(QUEUE, false, "chaos-audit", new Recorder(channel));
  }

  private final class Recorder extends DefaultConsumer {
    Recorder(Channel channel) {
      super(channel);
    }

    @Override
    public void handleDelivery(
        String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
      UUID id = uuid(properties.getMessageId());
      lastArrivalAt = Instant.now();
      arrivals.add(
          new Arrival(
              id,
              seq.incrementAndGet(),
              lastArrivalAt,
              envelope.isRedeliver(),
              envelope.getRoutingKey()));
      if (id != null) {
        seen.add(id);
      }
      try {
        getChannel().basicAck(envelope.getDeliveryTag(), false);
      } catch (IOException | RuntimeException e) {
        // the broker went away: it delivers the message again, flagged as a redelivery
      }
    }
  }

  private static UUID uuid(String text) {
    try {
      return text == null ? null : UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Every arrival so far, in arrival order. */
  public List<Arrival> arrivals() {
    return List.copyOf(arrivals);
  }

  public int count() {
    return arrivals.size();
  }

  /** Distinct events that have arrived so far. */
  public int distinct() {
    return seen.size();
  }

  public boolean hasSeen(UUID id) {
    return seen.contains(id);
  }

  public Instant lastArrivalAt() {
    return lastArrivalAt;
  }

  @Override
  public void close() throws IOException {
    connection.abort(2_000);
  }
}
