package dev.outbox.notifier.dispatch;

import dev.outbox.notifier.dispatch.NotificationRule.Planned;
import dev.outbox.notifier.event.EventEnvelope;
import dev.outbox.notifier.event.EventPayload.OrderPlaced;
import dev.outbox.notifier.event.EventPayload.PaymentReceived;
import dev.outbox.notifier.event.EventPayload.UserCreated;
import dev.outbox.notifier.store.NewDelivery.Channel;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
            "welcome_email", UserCreated.TYPE, Channel.EMAIL, "welcome_email", this::welcomeEmail),
        new NotificationRule(
            "welcome_sms", UserCreated.TYPE, Channel.SMS, "welcome_sms", Notifications::welcomeSms),
        new NotificationRule(
            "order_confirmation_email",
            OrderPlaced.TYPE,
            Channel.EMAIL,
            "order_confirmation_email",
            Notifications::orderConfirmation),
        new NotificationRule(
            "payment_receipt_email",
            PaymentReceived.TYPE,
            Channel.EMAIL,
            "payment_receipt_email",
            Notifications::paymentReceiptEmail),
        new NotificationRule(
            "payment_receipt_sms",
            PaymentReceived.TYPE,
            Channel.SMS,
            "payment_receipt_sms",
            Notifications::paymentReceiptSms));
  }

  private Optional<Planned> welcomeEmail(EventEnvelope event) {
    UserCreated user = event.payload(UserCreated.class);
    Map<String, Object> model = user(user);
    Instant expiry = clock.instant().plus(VERIFICATION_VALIDITY);
    String token = tokens.issue(user.userId(), user.email(), expiry);
    model.put(
        "verification_link",
        publicBaseUrl
            + "/users/"
            + user.userId()
            + "/verify-email?token="
            + URLEncoder.encode(token, StandardCharsets.UTF_8));
    model.put("expires_at", expiry.truncatedTo(ChronoUnit.MINUTES).toString());
    return toEmail(user.email(), model);
  }

  private static Optional<Planned> welcomeSms(EventEnvelope event) {
    UserCreated user = event.payload(UserCreated.class);
    return toPhone(user.phone(), user(user));
  }

  private static Optional<Planned> orderConfirmation(EventEnvelope event) {
    OrderPlaced order = event.payload(OrderPlaced.class);
    return toEmail(order.email(), order(order));
  }

  private static Optional<Planned> paymentReceiptEmail(EventEnvelope event) {
    PaymentReceived payment = event.payload(PaymentReceived.class);
    return toEmail(payment.email(), payment(payment));
  }

  private static Optional<Planned> paymentReceiptSms(EventEnvelope event) {
    PaymentReceived payment = event.payload(PaymentReceived.class);
    return toPhone(payment.phone(), payment(payment));
  }

  private static Map<String, Object> user(UserCreated user) {
    Map<String, Object> model = new HashMap<>();
    model.put("user_id", user.userId().toString());
    model.put("email", user.email());
    return model;
  }

  private static Map<String, Object> order(OrderPlaced order) {
    Map<String, Object> model = new HashMap<>();
    model.put("order_id", order.orderId().toString());
    model.put("email", order.email());
    model.put("currency", order.currency());
    model.put("total", order.total().toPlainString());
    List<Map<String, Object>> items = new ArrayList<>();
    for (OrderPlaced.Item item : order.items()) {
      items.add(
          Map.of(
              "sku", item.sku(),
              "quantity", Integer.toString(item.quantity()),
              "unit_price", item.unitPrice().toPlainString(),
              "line_total", item.lineTotal().toPlainString()));
    }
    model.put("items", items);
    return model;
  }

  private static Map<String, Object> payment(PaymentReceived payment) {
    Map<String, Object> model = new HashMap<>();
    model.put("payment_id", payment.paymentId().toString());
    model.put("order_id", payment.orderId().toString());
    model.put("email", payment.email());
    model.put("currency", payment.currency());
    model.put("reference", payment.reference());
    model.put("amount", payment.amount().toPlainString());
    return model;
  }

  private static Optional<Planned> toEmail(String email, Map<String, Object> model) {
    return Optional.of(new Planned(email, model));
  }

  /** Empty when the customer gave no phone. */
  private static Optional<Planned> toPhone(String phone, Map<String, Object> model) {
    return phone == null ? Optional.empty() : Optional.of(new Planned(phone, model));
  }
}
