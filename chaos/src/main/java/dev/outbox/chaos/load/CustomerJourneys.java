package dev.outbox.chaos.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The steady load: each worker registers a customer (four in five with a phone, so both email and
 * SMS), places an order for them and pays it, then thinks for a moment and starts over. Each step
 * has its own Idempotency-Key; each 2xx is an acknowledged write whose event must arrive.
 */
public final class CustomerJourneys implements AutoCloseable {

  private final ApiClient api;
  private final LoadLog log;
  private final String runId;
  private final Duration thinkTime;
  private final AtomicInteger customers = new AtomicInteger();
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean running = true;

  public CustomerJourneys(
      ApiClient api, LoadLog log, String runId, int workerCount, Duration thinkTime) {
    this.api = api;
    this.log = log;
    this.runId = runId;
    this.thinkTime = thinkTime;
    for (int i = 0; i < workerCount; i++) {
      workers.add(new Thread(this::work, "chaos-customer-" + i));
    }
  }

  public void start() {
    workers.forEach(Thread::start);
  }

  private void work() {
    while (running) {
      journey(customers.incrementAndGet());
      Pause.of(thinkTime);
    }
  }

  private void journey(int n) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("email", "c" + n + "." + runId + "@chaos.example");
    if (n % 5 != 0) {
      user.put("phone", String.format(Locale.ROOT, "+1415555%04d", n % 10_000));
    }
    Optional<JsonNode> created = api.post("POST /users", "/users", user, "user-" + runId + "-" + n);
    if (created.isEmpty()) {
      return;
    }
    String userId = created.get().path("id").asText();
    log.write(new Write("user.created", userId, null, Instant.now()));
    Map<String, Object> order =
        Map.of(
            "user_id",
            userId,
            "currency",
            "EUR",
            "items",
            List.of(
                Map.of("sku", "BOOK-" + (n % 7), "quantity", 1 + n % 3, "unit_price", "19.99")));
    Optional<JsonNode> placed =
        api.post("POST /orders", "/orders", order, "order-" + runId + "-" + n);
    placed.ifPresent(o -> pay(n, o));
  }

  private void pay(int n, JsonNode order) {
    String orderId = order.path("id").asText();
    log.write(new Write("order.placed", orderId, null, Instant.now()));
    Map<String, Object> payment =
        Map.of("amount", order.path("total").asText(), "currency", "EUR", "reference", "psp-" + n);
    api.post(
            "POST /orders/{id}/payments",
            "/orders/" + orderId + "/payments",
            payment,
            "payment-" + runId + "-" + n)
        .ifPresent(p -> log.write(new Write("payment.received", orderId, null, Instant.now())));
  }

  /** Customers started so far. */
  public int customers() {
    return customers.get();
  }

  /** Lets every worker finish its journey (retries included), then returns. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    for (Thread worker : workers) {
      worker.join(Duration.ofMinutes(3).toMillis());
    }
  }
}
