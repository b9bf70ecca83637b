package dev.outbox.app;

import dev.outbox.testing.HttpTestClient;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A timer thread that registers a user, places an order for it and pays it, over and over (a round
 * every 10 ms after the last one ended). Only a 201 counts: each is kept as an {@link Accepted}
 * event (the aggregate it belongs to, and when). A request that fails (5xx, no connection: the
 * database switching over) is counted and the round starts again with a new user; the failed
 * request's transaction may or may not have committed, which the test reads from the database
 * afterwards.
 */
final class OrderLoad implements AutoCloseable {

  /** A 201: {@code type} is the event the request wrote for {@code aggregateId}. */
  record Accepted(String type, String aggregateId, long nanos) {}

  private static final String ORDER =
      "\",\"currency\":\"EUR\",\"items\":[{\"sku\":\"BOOK-1\",\"quantity\":2,\"unit_price\":\"19.99\"}]}";
  private static final String PAYMENT =
      "{\"amount\":\"39.98\",\"currency\":\"EUR\",\"reference\":\"PAY-FAILOVER\"}";

  private final HttpTestClient api;
  private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
  private final AtomicInteger failed = new AtomicInteger();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  OrderLoad(HttpTestClient api) {
    this.api = api;
  }

  /** A round every 10 ms after the previous one ended (a pace, so failing fast does not spin). */
  OrderLoad start() {
    timer.scheduleWithFixedDelay(this::round, 0, 10, TimeUnit.MILLISECONDS);
    return this;
  }

  private void round() {
    String email = "failover-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    String user = created("user.created", "/users", "{\"email\":\"" + email + "\"}", null);
    if (user == null) {
      return;
    }
    String order = created("order.placed", "/orders", "{\"user_id\":\"" + user + ORDER, null);
    if (order != null) {
      created("payment.received", "/orders/" + order + "/payments", PAYMENT, order);
    }
  }

  // The id in a 201's body (or aggregateId when given), or null when the request did not succeed.
  private String created(String type, String path, String json, String aggregateId) {
    try {
      HttpTestClient.Response answer = api.postJson(path, json);
      if (answer.status() == 201) {
        String id = aggregateId != null ? aggregateId : answer.json().get("id").asText();
        accepted.add(new Accepted(type, id, System.nanoTime()));
        return id;
      }
    } catch (RuntimeException e) {
      // no answer: the api or its database is switching over
    }
    failed.incrementAndGet();
    return null;
  }

  List<Accepted> accepted() {
    return List.copyOf(accepted);
  }

  /** How many of the accepted events the api answered after {@code nanos}. */
  long acceptedAfter(long nanos) {
    return accepted.stream().filter(a -> a.nanos() > nanos).count();
  }

  int failed() {
    return failed.get();
  }

  /** Stops after the request under way; waits for it (its own timeout is 30 s). */
  void stop() throws InterruptedException {
    timer.shutdown();
    if (!timer.awaitTermination(100, TimeUnit.SECONDS)) {
      throw new AssertionError("the load's last request did not end");
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
