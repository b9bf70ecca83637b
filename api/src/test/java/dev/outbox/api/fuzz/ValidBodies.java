package dev.outbox.api.fuzz;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outbox.api.RunningApi;
import dev.outbox.core.application.EmailVerificationTokens;
import dev.outbox.core.domain.user.Email;
import dev.outbox.core.domain.user.UserId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Bodies each write route accepts, over the rows the run has made: the start of every mutation, and
 * sent as they are they reach the use case (201, or 409/422 on a paid order or a taken email).
 */
final class ValidBodies {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> CURRENCIES = List.of("EUR", "USD", "JPY", "KWD", "GBP");
  private static final EmailVerificationTokens TOKENS =
      new EmailVerificationTokens(RunningApi.SECRET, Clock.systemUTC());

  private final Random random;
  private int serial;

  ValidBodies(Random random) {
    this.random = random;
  }

  ObjectNode user() {
    ObjectNode body = NODES.objectNode();
    body.put(
        "email",
        "fuzz-" + (++serial) + "-" + Integer.toHexString(random.nextInt()) + "@example.com");
    if (random.nextBoolean()) {
      body.put("phone", "+1415555" + String.format("%04d", random.nextInt(10_000)));
    }
    return body;
  }

  ObjectNode verification(KnownRows.User user) {
    return token(TOKENS.issue(userId(user.id), new Email(user.email), tomorrow()));
  }

  /** A well-formed token that is not this user's: another user's, or expired. */
  ObjectNode wrongVerification(KnownRows.User user, KnownRows.User other) {
    Instant expiry = random.nextBoolean() ? tomorrow() : Instant.now().minusSeconds(60);
    KnownRows.User owner = expiry.isBefore(Instant.now()) ? user : other;
    return token(TOKENS.issue(userId(owner.id), new Email(owner.email), expiry));
  }

  ObjectNode order(String userId) {
    String currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
    int scale = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
    ObjectNode body = NODES.objectNode();
    body.put("user_id", userId);
    body.put("currency", currency);
    var items = body.putArray("items");
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      ObjectNode item = items.addObject();
      item.put("sku", "SKU-" + random.nextInt(1_000));
      item.put("quantity", 1 + random.nextInt(5));
      item.put("unit_price", BigDecimal.valueOf(1 + random.nextInt(99_999), scale).toPlainString());
    }
    return body;
  }

  ObjectNode payment(KnownRows.Order order) {
    ObjectNode body = NODES.objectNode();
    body.put("amount", order.total);
    body.put("currency", order.currency);
    body.put("reference", "PAY-" + (++serial));
    return body;
  }

  private static ObjectNode token(String token) {
    ObjectNode body = NODES.objectNode();
    body.put("token", token);
    return body;
  }

  private static UserId userId(String id) {
    return new UserId(UUID.fromString(id));
  }

  private static Instant tomorrow() {
    return Instant.now().plus(Duration.ofDays(1));
  }
}
