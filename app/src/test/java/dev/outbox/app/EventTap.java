package dev.outbox.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test queue bound to the event exchange with {@code #}: every message the relay publishes, in
 * arrival order, with the time it arrived. Duplicates are kept (delivery is at-least-once).
 */
final class EventTap implements AutoCloseable {

  /** One arrival: the body's id and aggregate_id, and {@link System#nanoTime()} on arrival. */
  record Arrival(String eventId, String aggregateId, long nanos) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Channel channel;
  private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

  private EventTap(Channel channel) {
    this.channel = channel;
  }

  /** Declares {@code queue} (exclusive to this connection) bound to {@code exchange}, consuming. */
  static EventTap bind(Connection amqp, String exchange, String queue) throws IOException {
    Channel channel = amqp.createChannel();
    channel.queueDeclare(queue, false, true, true, null);
    channel.queueBind(queue, exchange, "#");
    EventTap tap = new EventTap(channel);
    channel.basicConsume(
        queue,
        true,
        (tag, delivery) -> {
          JsonNode body = JSON.readTree(delivery.getBody());
          tap.arrivals.add(
              new Arrival(
                  body.get("id").asText(), body.get("aggregate_id").asText(), System.nanoTime()));
        },
        tag -> {});
    return tap;
  }

  List<Arrival> arrivals() {
    return List.copyOf(arrivals);
  }

  Set<String> eventIds() {
    Set<String> ids = new LinkedHashSet<>();
    arrivals.forEach(a -> ids.add(a.eventId()));
    return ids;
  }

  /** Per aggregate, the event ids in the order of their first arrival. */
  Map<String, List<String>> firstArrivalsByAggregate() {
    Map<String, List<String>> byAggregate = new LinkedHashMap<>();
    for (Arrival a : arrivals) {
      List<String> ids = byAggregate.computeIfAbsent(a.aggregateId(), k -> new ArrayList<>());
      if (!ids.contains(a.eventId())) {
        ids.add(a.eventId());
      }
    }
    return byAggregate;
  }

  @Override
  public void close() throws Exception {
    if (channel.isOpen()) {
      channel.close();
    }
  }
}
