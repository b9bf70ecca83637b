package dev.outbox.notifier.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outbox.notifier.dispatch.NotificationRule.Planned;
import dev.outbox.notifier.event.EventEnvelope;
import dev.outbox.notifier.event.MalformedEvent;
import dev.outbox.notifier.store.NewDelivery.Channel;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The notifications of the seed design, one {@link NotificationRule} each. */
public final class Notifications {

  /** How long the link in the welcome email stays valid (docs/events.md). */
  public static final Duration VERIFICATION_VALIDITY = Duration.ofHours(48);

  private final VerificationToken tokens;
  private final String publicBaseUrl;
  private final Clock clock;

  public Notifications(VerificationToken tokens, URI publicBaseUrl, Clock clock) {
    this.tokens = tokens;
    this.publicBaseUrl = publicBaseUrl.toString().replaceAll("/+$", "");
    this.clock = clock;
  }

  public List<NotificationRule> all() {
    return List.of(
        new NotificationRule(
            "welcome_email", "user.created", Channel.EMAIL, "welcome_email", this::welcomeEmail),
        new NotificationRule(
            "welcome_sms", "user.created", Channel.SMS, "welcome_sms", e -> toPhone(e, user(e))),
        new NotificationRule(
            "order_confirmation_email",
            "order.placed",
            Channel.EMAIL,
            "order_confirmation_email",
            e -> toEmail(e, order(e))),
        new NotificationRule(
            "payment_receipt_email",
            "payment.received",
            Channel.EMAIL,
            "payment_receipt_email",
            e -> toEmail(e, payment(e))),
        new NotificationRule(
            "payment_receipt_sms",
            "payment.received",
            Channel.SMS,
            "payment_receipt_sms",
            e -> toPhone(e, payment(e))));
  }

  private Optional<Planned> welcomeEmail(EventEnvelope event) {
    Map<String, Object> model = user(event);
    UUID userId = uuid(event, "user_id");
    Instant expiry = clock.instant().plus(VERIFICATION_VALIDITY);
    String token = tokens.issue(userId, event.text("email"), expiry);
    model.put(
        "verification_link",
        publicBaseUrl
            + "/users/"
            + userId
            + "/verify-email?token="
            + URLEncoder.encode(token, StandardCharsets.UTF_8));
    model.put("expires_at", expiry.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString());
    return toEmail(event, model);
  }

  private static Map<String, Object> user(EventEnvelope e) {
    Map<String, Object> model = new HashMap<>();
    model.put("user_id", e.text("user_id"));
    model.put("email", e.text("email"));
    return model;
  }

  private static Map<String, Object> order(EventEnvelope e) {
    Map<String, Object> model = new HashMap<>();
    model.put("order_id", e.text("order_id"));
    model.put("email", e.text("email"));
    model.put("currency", e.text("currency"));
    model.put("total", e.decimal("total").toPlainString());
    List<Map<String, Object>> items = new ArrayList<>();
    for (JsonNode item : e.array("items")) {
      Map<String, Object> line = new HashMap<>();
      for (String field : List.of("sku", "quantity", "unit_price", "line_total")) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
          throw new MalformedEvent(e.type() + " event " + e.id() + " has an item without " + field);
        }
        line.put(field, value.asText());
      }
      items.add(line);
    }
    model.put("items", items);
    return model;
  }

  private static Map<String, Object> payment(EventEnvelope e) {
    Map<String, Object> model = new HashMap<>();
    for (String field : List.of("payment_id", "order_id", "email", "currency", "reference")) {
      model.put(field, e.text(field));
    }
    model.put("amount", e.decimal("amount").toPlainString());
    return model;
  }

  private static Optional<Planned> toEmail(EventEnvelope e, Map<String, Object> model) {
    return Optional.of(new Planned(e.text("email"), model));
  }

  private static Optional<Planned> toPhone(EventEnvelope e, Map<String, Object> model) {
    String phone = e.optionalText("phone");
    return phone == null ? Optional.empty() : Optional.of(new Planned(phone, model));
  }

  private static UUID uuid(EventEnvelope e, String field) {
    try {
      return UUID.fromString(e.text(field));
    } catch (IllegalArgumentException ex) {
      throw new MalformedEvent(e.type() + " event " + e.id() + " has a non-UUID " + field, ex);
    }
  }
}
