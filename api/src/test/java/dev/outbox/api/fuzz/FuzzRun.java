package dev.outbox.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outbox.api.RunningApi;
import dev.outbox.testing.HttpTestClient.Response;
import dev.outbox.testing.OutboxRows.Row;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Sends requests one at a time and checks each answer against the rows it wrote: a 5xx is never
 * right, a 4xx is a problem document and wrote nothing, a replay wrote nothing, and a success wrote
 * exactly its aggregate and that aggregate's one new outbox row. Successes teach {@link KnownRows}.
 */
final class FuzzRun {

  private final RunningApi running;
  private final KnownRows known;
  private final FuzzTally tally;

  FuzzRun(RunningApi running, KnownRows known, FuzzTally tally) {
    this.running = running;
    this.known = known;
    this.tally = tally;
  }

  void send(FuzzRequest request) {
    RowCounts before = RowCounts.read(running.pool());
    Response response;
    try {
      response =
          running
              .http()
              .post(request.path(), request.contentType(), request.body(), request.headers());
    } catch (UncheckedIOException e) {
      tally.noAnswer(request.route(), e.getMessage() + " <- " + request.describe());
      return;
    }
    RowCounts written = RowCounts.read(running.pool()).minus(before);
    tally.answered(request.route(), response.status());
    String what = response.status() + " " + request.describe() + " -> " + response.body();
    if (response.status() >= 500) {
      tally.serverError(what);
    } else if (response.status() >= 400
        && !response.contentType().startsWith("application/problem+json")) {
      tally.notProblem(what);
    }
    boolean replayed = "true".equals(response.header("Idempotent-Replayed"));
    RowCounts expected =
        response.status() >= 300 || replayed ? RowCounts.NONE : learn(request.route(), response);
    if (!written.equals(expected)) {
      tally.partialWrite(what + " wrote " + written + ", expected " + expected);
    }
  }

  /** The rows this success must have written; checks the aggregate's outbox rows on the way. */
  private RowCounts learn(Route route, Response response) {
    JsonNode body = response.json();
    String id = body.path("id").asText();
    return switch (route) {
      case USERS -> {
        requireStatus(response, 201);
        known.users.add(new KnownRows.User(id, body.path("email").asText()));
        requireOutbox(id, List.of("user.created"), response);
        yield new RowCounts(1, 0, 0, 0, 0, 1);
      }
      case VERIFY_EMAIL -> {
        requireStatus(response, 200);
        KnownRows.User user = known.user(id);
        if (user == null || user.verified) {
          yield RowCounts.NONE;
        }
        user.verified = true;
        requireOutbox(id, List.of("user.created", "user.email_verified"), response);
        yield new RowCounts(0, 1, 0, 0, 0, 1);
      }
      case ORDERS -> {
        requireStatus(response, 201);
        known.orders.add(
            new KnownRows.Order(id, body.path("currency").asText(), body.path("total").asText()));
        requireOutbox(id, List.of("order.placed"), response);
        yield new RowCounts(0, 0, 1, body.path("items").size(), 0, 1);
      }
      case PAYMENTS -> {
        requireStatus(response, 201);
        String orderId = body.path("order_id").asText();
        KnownRows.Order order = known.order(orderId);
        if (order != null) {
          order.paid = true;
        }
        requireOutbox(orderId, List.of("order.placed", "payment.received"), response);
        yield new RowCounts(0, 0, 0, 0, 1, 1);
      }
    };
  }

  private void requireStatus(Response response, int status) {
    if (response.status() != status) {
      tally.partialWrite("unexpected success status " + response.status() + ": " + response.body());
    }
  }

  private void requireOutbox(String aggregateId, List<String> types, Response response) {
    List<String> actual = running.outbox(aggregateId).stream().map(Row::eventType).toList();
    if (!actual.equals(types)) {
      tally.partialWrite(
          "outbox of "
              + aggregateId
              + " is "
              + actual
              + ", expected "
              + types
              + ": "
              + response.body());
    }
  }
}
