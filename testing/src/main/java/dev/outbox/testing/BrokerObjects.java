package dev.outbox.testing;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import dev.outbox.config.EventExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The queues and exchanges a test declares on the shared broker, itself or through the code under
 * test, so that it can delete every one of them again ({@link #delete}) and prove that it did
 * ({@link #remaining}). Deleting a queue or exchange that is already gone is not an error.
 */
public final class BrokerObjects {

  private static final int NOT_FOUND = 404;

  private final Set<String> queues = new LinkedHashSet<>();
  private final Set<String> exchanges = new LinkedHashSet<>();

  public synchronized BrokerObjects queue(String... names) {
    queues.addAll(List.of(names));
    return this;
  }

  public synchronized BrokerObjects exchange(String... names) {
    exchanges.addAll(List.of(names));
    return this;
  }

  /**
   * The event exchange with its alternate exchange and unroutable queue ({@link EventExchange}).
   */
  public BrokerObjects eventExchange(String exchange) {
    String unroutable = EventExchange.unroutableName(exchange);
    return exchange(exchange, unroutable).queue(unroutable);
  }

  public synchronized List<String> queues() {
    return List.copyOf(queues);
  }

  public synchronized List<String> exchanges() {
    return List.copyOf(exchanges);
  }

  /** Deletes every queue, then every exchange. */
  public void delete(Connection connection) throws IOException, TimeoutException {
    try (Channel channel = connection.createChannel()) {
      for (String queue : queues()) {
        channel.queueDelete(queue);
      }
      for (String exchange : exchanges()) {
        channel.exchangeDelete(exchange);
      }
    }
  }

  /**
   * Those that still exist, as {@code queue name} and {@code exchange name}: a passive declare of
   * each, on a channel of its own since the broker closes the channel of one that is missing.
   */
  public List<String> remaining(Connection connection) throws IOException, TimeoutException {
    List<String> remaining = new ArrayList<>();
    for (String queue : queues()) {
      if (exists(connection, channel -> channel.queueDeclarePassive(queue))) {
        remaining.add("queue " + queue);
      }
    }
    for (String exchange : exchanges()) {
      if (exists(connection, channel -> channel.exchangeDeclarePassive(exchange))) {
        remaining.add("exchange " + exchange);
      }
    }
    return remaining;
  }

  private interface Passive {
    void declare(Channel channel) throws IOException;
  }

  private static boolean exists(Connection connection, Passive passive)
      throws IOException, TimeoutException {
    Channel channel = connection.createChannel();
    try {
      passive.declare(channel);
      channel.close();
      return true;
    } catch (IOException e) {
      if (e.getCause() instanceof ShutdownSignalException signal
          && signal.getReason() instanceof AMQP.Channel.Close close
          && close.getReplyCode() == NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }
}
