package dev.outbox.api.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outbox.api.RandomBodies;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * The next request of a seeded run: a write route (one that has the rows it needs), a valid body
 * over known rows, then one shape: sent as is, mutated, not JSON, another content type, bytes that
 * are not UTF-8, over 64 KiB, an Idempotency-Key replayed, reused for another body or malformed, an
 * unknown or garbage id in the path, or a free-form body from jqwik's {@link RandomBodies}.
 */
final class RequestGenerator {

  private static final String KEY = "Idempotency-Key";
  private static final List<String> SHAPES = shapes();

  private final Random random;
  private final KnownRows known;
  private final ValidBodies valid;
  private final Mutations mutations;
  private int keys;

  RequestGenerator(long seed, KnownRows known) {
    this.random = new Random(seed);
    this.known = known;
    this.valid = new ValidBodies(random);
    this.mutations = new Mutations(random);
  }

  FuzzRequest next() {
    Route route = route();
    String id = id(route);
    ObjectNode body = validBody(route, id);
    String path = path(route, id);
    String shape = SHAPES.get(random.nextInt(SHAPES.size()));
    return switch (shape) {
      case "valid" -> FuzzRequest.json(route, shape, path, body.toString());
      case "valid-keyed", "idem-replay", "idem-reuse" -> keyed(shape, route, path, body);
      case "idem-bad-key" ->
          FuzzRequest.json(route, shape, path, body.toString(), KEY, pick(Garbage.BAD_KEYS));
      case "invalid-json" ->
          FuzzRequest.json(route, shape, path, pick(Garbage.invalidJson(body.toString())));
      case "content-type" ->
          new FuzzRequest(
              route,
              shape,
              path,
              random.nextInt(8) == 0 ? null : pick(Garbage.CONTENT_TYPES),
              utf8(body.toString()));
      case "non-utf8" ->
          new FuzzRequest(route, shape, path, FuzzRequest.JSON, notUtf8(body.toString()));
      case "too-large" ->
          FuzzRequest.json(route, shape, path, padded(body, 64 * 1024 + random.nextInt(4096)));
      case "unknown-id" -> unknownId(route, shape, body);
      case "path-garbage" -> FuzzRequest.json(route, shape, garbagePath(route), body.toString());
      case "generated" -> FuzzRequest.json(route, shape, path, generated(route, body));
      default -> FuzzRequest.json(route, shape, path, mutations.apply(shape, body));
    };
  }

  private static List<String> shapes() {
    List<String> shapes = new ArrayList<>(List.of("valid", "valid", "valid", "valid-keyed"));
    shapes.addAll(Mutations.SHAPES);
    shapes.addAll(
        List.of(
            "invalid-json",
            "content-type",
            "non-utf8",
            "too-large",
            "idem-replay",
            "idem-reuse",
            "idem-bad-key",
            "unknown-id",
            "path-garbage",
            "generated",
            "generated"));
    return shapes;
  }

  private Route route() {
    Route route = Route.values()[random.nextInt(Route.values().length)];
    if (route == Route.PAYMENTS && known.orders.isEmpty()) {
      route = Route.ORDERS;
    }
    return route != Route.USERS && known.users.isEmpty() ? Route.USERS : route;
  }

  /** The user or order the path (or, for an order, the body) names. */
  private String id(Route route) {
    return switch (route) {
      case USERS -> null;
      case VERIFY_EMAIL -> known.userToVerify(random).id;
      case ORDERS -> known.anyUser(random).id;
      case PAYMENTS -> known.orderToPay(random).id;
    };
  }

  private ObjectNode validBody(Route route, String id) {
    return switch (route) {
      case USERS -> valid.user();
      case VERIFY_EMAIL ->
          random.nextInt(5) == 0
              ? valid.wrongVerification(known.user(id), known.anyUser(random))
              : valid.verification(known.user(id));
      case ORDERS -> valid.order(id);
      case PAYMENTS -> valid.payment(known.order(id));
    };
  }

  private static String path(Route route, String id) {
    return switch (route) {
      case USERS -> "/users";
      case VERIFY_EMAIL -> "/users/" + id + "/verify-email";
      case ORDERS -> "/orders";
      case PAYMENTS -> "/orders/" + id + "/payments";
    };
  }

  /**
   * With an Idempotency-Key: a fresh one, or one sent before, with the very same request (a replay)
   * or with this route's new body (a reuse).
   */
  private FuzzRequest keyed(String shape, Route route, String path, ObjectNode body) {
    if (!shape.equals("valid-keyed") && !known.keyed.isEmpty()) {
      KnownRows.Keyed earlier = known.keyed.get(random.nextInt(known.keyed.size()));
      FuzzRequest sent = earlier.request();
      return shape.equals("idem-replay")
          ? new FuzzRequest(
              sent.route(), shape, sent.path(), sent.contentType(), sent.body(), sent.headers())
          : FuzzRequest.json(route, shape, path, body.toString(), KEY, earlier.key());
    }
    String key = "fuzz-" + (++keys) + "-" + Long.toHexString(random.nextLong());
    FuzzRequest request = FuzzRequest.json(route, shape, path, body.toString(), KEY, key);
    known.rememberKeyed(key, request);
    return request;
  }

  private FuzzRequest unknownId(Route route, String shape, ObjectNode body) {
    String unknown = UUID.randomUUID().toString();
    return switch (route) {
      case USERS ->
          FuzzRequest.json(
              route, shape, "/users", body.put("email", "x@" + unknown + ".com").toString());
      case ORDERS ->
          FuzzRequest.json(route, shape, "/orders", body.put("user_id", unknown).toString());
      default -> FuzzRequest.json(route, shape, path(route, unknown), body.toString());
    };
  }

  private String garbagePath(Route route) {
    String id = pick(Garbage.IDS);
    return switch (route) {
      case USERS ->
          pick(List.of("/users/", "/users?x=%00", "/users;a=b", "/users?" + id, "//users"));
      case ORDERS ->
          pick(List.of("/orders/", "/orders?x=%FF", "/orders;a=b", "/orders/" + id, "//orders"));
      default -> path(route, id) + pick(List.of("", "", "/", "?x=1", "/x"));
    };
  }

  private String generated(Route route, ObjectNode body) {
    List<String> fields =
        switch (route) {
          case USERS -> List.of("email", "phone");
          case VERIFY_EMAIL -> List.of("token");
          case ORDERS -> List.of("user_id", "currency", "items", "sku", "quantity", "unit_price");
          case PAYMENTS -> List.of("amount", "currency", "reference");
        };
    List<String> plausible = new ArrayList<>();
    body.fields().forEachRemaining(e -> plausible.add(e.getValue().asText()));
    plausible.addAll(List.of("EUR", "JPY", "0.00", "-1", "", " ", "+1", "a@b"));
    Arbitrary<String> bodies = RandomBodies.bodies(body, fields, Arbitraries.of(plausible));
    return bodies.generator(100).next(random).value();
  }

  private static String padded(ObjectNode body, int size) {
    return body.put("padding", "p".repeat(size)).toString();
  }

  private byte[] notUtf8(String body) {
    byte[] bytes = utf8(body);
    int at = 1 + random.nextInt(Math.max(1, bytes.length - 2));
    bytes[at] = (byte) pick(List.of(0xC3, 0xFF, 0x80, 0xED, 0xF8)).intValue();
    return bytes;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}
