package dev.outbox.relay.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.outbox.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A test queue bound to the exchange and everything it received, in arrival order. */
public final class ReceivedMessages {

  /** One received message: its properties, the exchange it was published to, its parsed body. */
  public record Received(
      AMQP.BasicProperties properties, String exchange, String routingKey, JsonNode body) {
    public UUID id() {
      return UUID.fromString(properties.getMessageId());
    }

    public String header(String name) {
      Object value = properties.getHeaders() == null ? null : properties.getHeaders().get(name);
      return value == null ? null : value.toString();
    }
  }

  private final Channel channel;
  private final String queue;
  private final List<Received> received = new ArrayList<>();

  private ReceivedMessages(Channel channel, String queue) {
    this.channel = channel;
    this.queue = queue;
  }

  public static ReceivedMessages bind(Connection amqp, String exchange, String queue, String key) {
    try {
      Channel ch = amqp.createChannel();
      ch.queueDeclare(queue, true, false, false, Map.of());
      ch.queueBind(queue, exchange, key);
      ReceivedMessages messages = new ReceivedMessages(ch, queue);
      ch.basicConsume(
          queue,
          true,
          new DefaultConsumer(ch) {
            @Override
            public void handleDelivery(
                String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body)
                throws IOException {
              messages.add(
                  new Received(
                      props,
                      envelope.getExchange(),
                      envelope.getRoutingKey(),
                      Json.mapper().readTree(body)));
            }
          });
      return messages;
    } catch (IOException e) {
      throw new IllegalStateException("binding a test queue failed", e);
    }
  }

  /** Binds the queue to {@code exchange} too (with {@code key}): one queue for two publishers. */
  public ReceivedMessages alsoBind(String exchange, String key) {
    try {
      channel.queueBind(queue, exchange, key);
      return this;
    } catch (IOException e) {
      throw new IllegalStateException("binding test queue " + queue + " failed", e);
    }
  }

  private synchronized void add(Received r) {
    received.add(r);
  }

  public synchronized List<Received> all() {
    return List.copyOf(received);
  }

  public synchronized int size() {
    return received.size();
  }

  /** Distinct ids received (duplicates collapsed). */
  public synchronized int distinct() {
    return (int) received.stream().map(Received::id).distinct().count();
  }

  /** First arrival of each id, in arrival order. */
  public synchronized List<Received> firstArrivals() {
    Map<UUID, Received> first = new LinkedHashMap<>();
    received.forEach(r -> first.putIfAbsent(r.id(), r));
    return List.copyOf(first.values());
  }

  /** Per aggregate, the payload's seq of each event's first arrival, in arrival order. */
  public synchronized Map<String, List<Integer>> sequencesByAggregate(String typePrefix) {
    Map<String, List<Integer>> sequences = new LinkedHashMap<>();
    for (Received r : firstArrivals()) {
      if (r.routingKey().startsWith(typePrefix)) {
        sequences
            .computeIfAbsent(r.header("aggregate_id"), k -> new ArrayList<>())
            .add(r.body().get("payload").get("seq").asInt());
      }
    }
    return sequences;
  }

  /** How many messages of {@code typePrefix} arrived, duplicates included. */
  public synchronized int count(String typePrefix) {
    return (int) received.stream().filter(r -> r.routingKey().startsWith(typePrefix)).count();
  }

  /** How many distinct events of {@code typePrefix} arrived. */
  public synchronized int distinct(String typePrefix) {
    return (int)
        received.stream()
            .filter(r -> r.routingKey().startsWith(typePrefix))
            .map(Received::id)
            .distinct()
            .count();
  }

  public synchronized Received byId(UUID id) {
    return received.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
  }

  /** Stops consuming; the queue itself is the environment's to delete. */
  public void stop() {
    try {
      if (channel.isOpen()) {
        channel.close();
      }
    } catch (Exception e) {
      throw new IllegalStateException("closing the channel of test queue " + queue + " failed", e);
    }
  }
}
