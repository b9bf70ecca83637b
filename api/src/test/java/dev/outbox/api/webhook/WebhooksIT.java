package dev.outbox.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outbox.api.RunningApi;
import dev.outbox.api.admin.DeliveryLogQuery;
import dev.outbox.notifier.NotifierMigrations;
import dev.outbox.testing.HttpTestClient;
import dev.outbox.testing.HttpTestClient.Response;
import dev.outbox.testing.Rows;
import dev.outbox.testing.providers.SendGridStandIn;
import dev.outbox.testing.providers.TwilioStandIn;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The providers' callbacks against the running api, signed by stand-ins that compute the signatures
 * the way Twilio and SendGrid document them; the delivery rows are what the notifier writes when it
 * sends.
 */
class WebhooksIT {

  private static final String AUTH_TOKEN = "twilio-auth-token-for-tests";
  private static final String PUBLIC_BASE_URL = "https://shop.example";
  private static final SendGridStandIn sendGrid = new SendGridStandIn();
  private static final TwilioStandIn twilio = new TwilioStandIn(AUTH_TOKEN, PUBLIC_BASE_URL);
  private static final RunningApi running =
      RunningApi.start(
          "webhooks",
          Map.of(
              "ADMIN_TOKEN",
              RunningApi.ADMIN_TOKEN,
              "PUBLIC_BASE_URL",
              PUBLIC_BASE_URL + "/",
              "TWILIO_AUTH_TOKEN",
              AUTH_TOKEN,
              "SENDGRID_WEBHOOK_PUBLIC_KEY",
              sendGrid.publicKey(),
              "SENDGRID_WEBHOOK_MAX_AGE",
              "5m"));
  private static final HttpTestClient http = running.http();
  private static final Rows rows = new Rows(running.pool());

  static {
    NotifierMigrations.migrate(running.pool());
  }

  @AfterAll
  static void stop() {
    running.close();
  }

  /** A delivery the notifier recorded as sent. */
  private static UUID sent(String handler, String provider, String messageId) {
    UUID eventId = UUID.randomUUID();
    String channel = handler.endsWith("_sms") ? "SMS" : "EMAIL";
    running.execute(
        "insert into notifier.deliveries (event_id, handler, event_type, channel, recipient,"
            + " template, provider, provider_message_id, state, attempts, created_at, updated_at,"
            + " sent_at) values ('"
            + eventId
            + "', '"
            + handler
            + "', 'user.created', '"
            + channel
            + "', 'x', '"
            + handler
            + "', '"
            + provider
            + "', "
            + (messageId == null ? "null" : "'" + messageId + "'")
            + ", 'SENT', 1, now(), now(), now())");
    return eventId;
  }

  private static String query(UUID eventId, String handler) {
    return "event_id=" + eventId + "&handler=" + handler;
  }

  private static long reports(UUID eventId) {
    return running.count(
        "select count(*) from notifier.provider_events e join notifier.deliveries d"
            + " on d.id = e.delivery_id where d.event_id = ?",
        eventId);
  }

  private static String providerStatus(UUID eventId) {
    return rows.text("select provider_status from notifier.deliveries where event_id = ?", eventId);
  }

  /**
   * An oversized body is refused with a 413 problem, which the server sends before it has read the
   * rest and then closes the connection: a client still sending may see the close first (HTTP/1.1
   * allows it; it failed so once in a full run). Either way nothing was accepted.
   */
  private static void assertOversizedRefused(Supplier<Response> request) {
    Response response;
    try {
      response = request.get();
    } catch (UncheckedIOException closedWhileSending) {
      return;
    }
    assertRefused(response, 413);
  }

  private static void assertRefused(Response response, int status) {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void a_signed_twilio_callback_updates_the_delivery_log() {
    String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
    UUID eventId = sent("welcome_sms", "twilio", sid);

    Response response =
        twilio.post(
            http, query(eventId, "welcome_sms"), TwilioStandIn.statusForm(sid, "delivered", null));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("recorded").asInt()).isEqualTo(1);
    assertThat(providerStatus(eventId)).isEqualTo("delivered");
    assertThat(reports(eventId)).isEqualTo(1);
  }

  @Test
  void twilio_callbacks_that_are_unsigned_forged_or_replayed_with_another_body_change_nothing() {
    String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
    UUID eventId = sent("welcome_sms", "twilio", sid);
    String query = query(eventId, "welcome_sms");
    Map<String, String> delivered = TwilioStandIn.statusForm(sid, "delivered", null);
    Map<String, String> failed = TwilioStandIn.statusForm(sid, "failed", "30003");
    TwilioStandIn otherAccount = new TwilioStandIn("another-accounts-token", PUBLIC_BASE_URL);
    TwilioStandIn otherHost = new TwilioStandIn(AUTH_TOKEN, "https://attacker.example");

    assertRefused(TwilioStandIn.post(http, query, delivered, null), 401);
    assertRefused(otherAccount.post(http, query, delivered), 403);
    assertRefused(otherHost.post(http, query, delivered), 403);
    String signedForDelivered = twilio.signature(twilio.url(query), delivered);
    assertRefused(TwilioStandIn.post(http, query, failed, signedForDelivered), 403);
    String otherEvent = query(UUID.randomUUID(), "welcome_sms");
    assertRefused(TwilioStandIn.post(http, otherEvent, delivered, signedForDelivered), 403);

    assertThat(reports(eventId)).isZero();
    assertThat(providerStatus(eventId)).isNull();
  }

  @Test
  void the_same_twilio_callback_twice_is_kept_once_and_a_late_progress_report_does_not_win() {
    String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
    UUID eventId = sent("welcome_sms", "twilio", sid);
    String query = query(eventId, "welcome_sms");
    Map<String, String> undelivered = TwilioStandIn.statusForm(sid, "undelivered", "30005");

    Response first = twilio.post(http, query, undelivered);
    Response second = twilio.post(http, query, undelivered);
    Response late = twilio.post(http, query, TwilioStandIn.statusForm(sid, "sent", null));

    assertThat(first.json().get("recorded").asInt()).isEqualTo(1);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().get("duplicate").asInt()).isEqualTo(1);
    assertThat(late.json().get("recorded").asInt()).isEqualTo(1);
    assertThat(reports(eventId)).isEqualTo(2);
    assertThat(providerStatus(eventId)).isEqualTo("undelivered");
    assertThat(
            rows.text(
                "select provider_error_code from notifier.deliveries where event_id = ?", eventId))
        .isEqualTo("30005");
  }

  @Test
  void a_callback_for_an_unknown_message_is_accepted_and_changes_nothing() {
    UUID eventId = UUID.randomUUID();
    long before = running.count("select count(*) from notifier.provider_events");

    Response twilioReport =
        twilio.post(
            http,
            query(eventId, "welcome_sms"),
            TwilioStandIn.statusForm(
                "SMunknown" + eventId.toString().substring(0, 8), "sent", null));
    Response sendGridReport =
        sendGrid.post(
            http,
            SendGridStandIn.body(
                List.of(
                    SendGridStandIn.event(
                        "delivered", eventId, "welcome_email", "unknown", Instant.now()))));

    assertThat(twilioReport.status()).isEqualTo(200);
    assertThat(twilioReport.json().get("unknown_delivery").asInt()).isEqualTo(1);
    assertThat(sendGridReport.status()).isEqualTo(200);
    assertThat(sendGridReport.json().get("unknown_delivery").asInt()).isEqualTo(1);
    assertThat(running.count("select count(*) from notifier.provider_events")).isEqualTo(before);
  }

  @Test
  void signed_sendgrid_events_update_the_log_by_event_id_and_by_message_id() {
    UUID welcome = sent("welcome_email", "sendgrid", "xmsg-" + UUID.randomUUID());
    String receiptId = "xmsg-" + UUID.randomUUID();
    UUID receipt = sent("payment_receipt_email", "sendgrid", receiptId);
    Instant now = Instant.now();

    Response response =
        sendGrid.post(
            http,
            SendGridStandIn.body(
                List.of(
                    SendGridStandIn.event(
                        "processed", welcome, "welcome_email", "x", now.minusSeconds(5)),
                    SendGridStandIn.event("delivered", welcome, "welcome_email", "x", now),
                    SendGridStandIn.event("delivered", null, null, receiptId, now))));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("recorded").asInt()).isEqualTo(3);
    assertThat(providerStatus(welcome)).isEqualTo("delivered");
    assertThat(reports(welcome)).isEqualTo(2);
    assertThat(providerStatus(receipt)).isEqualTo("delivered");
  }

  @Test
  void sendgrid_events_unsigned_forged_stale_or_with_another_body_change_nothing() {
    UUID eventId = sent("welcome_email", "sendgrid", "xmsg-" + UUID.randomUUID());
    byte[] body =
        SendGridStandIn.body(
            List.of(SendGridStandIn.event("bounce", eventId, "welcome_email", "x", Instant.now())));
    byte[] other =
        SendGridStandIn.body(
            List.of(
                SendGridStandIn.event("delivered", eventId, "welcome_email", "x", Instant.now())));
    String now = Long.toString(Instant.now().getEpochSecond());
    String stale = Long.toString(Instant.now().minusSeconds(3600).getEpochSecond());

    assertRefused(SendGridStandIn.post(http, body, null, null), 401);
    assertRefused(SendGridStandIn.post(http, body, now, null), 401);
    assertRefused(
        SendGridStandIn.post(http, body, now, new SendGridStandIn().sign(now, body)), 403);
    assertRefused(SendGridStandIn.post(http, other, now, sendGrid.sign(now, body)), 403);
    assertRefused(SendGridStandIn.post(http, body, stale, sendGrid.sign(stale, body)), 403);
    String later = Long.toString(Long.parseLong(now) + 1);
    assertRefused(SendGridStandIn.post(http, body, later, sendGrid.sign(now, body)), 403);
    assertRefused(SendGridStandIn.post(http, body, now, "not base64!"), 403);

    assertThat(reports(eventId)).isZero();
    assertThat(providerStatus(eventId)).isNull();
  }

  @Test
  void a_bounce_is_counted_and_shown_by_the_admin_route() throws Exception {
    String messageId = "xmsg-" + UUID.randomUUID();
    UUID eventId = sent("welcome_email", "sendgrid", messageId);
    ObjectNode bounce =
        SendGridStandIn.event("bounce", eventId, "welcome_email", messageId, Instant.now());
    bounce.put("type", "bounce");
    bounce.put("status", "5.1.1");
    double before = bounces();
    long failedBefore = new DeliveryLogQuery(running.pool()).permanentFailures();

    Response response = sendGrid.post(http, SendGridStandIn.body(List.of(bounce)));
    Response again = sendGrid.post(http, SendGridStandIn.body(List.of(bounce)));

    assertThat(response.json().get("recorded").asInt()).isEqualTo(1);
    assertThat(again.json().get("duplicate").asInt()).isEqualTo(1);
    assertThat(bounces()).isEqualTo(before + 1);
    assertThat(new DeliveryLogQuery(running.pool()).permanentFailures())
        .isEqualTo(failedBefore + 1);
    Response admin =
        http.get(
            "/admin/deliveries?event_id=" + eventId,
            "Authorization",
            "Bearer " + RunningApi.ADMIN_TOKEN);
    assertThat(admin.status()).isEqualTo(200);
    JsonNode delivery = admin.json().get("deliveries").get(0);
    assertThat(delivery.get("handler").asText()).isEqualTo("welcome_email");
    assertThat(delivery.get("state").asText()).isEqualTo("SENT");
    assertThat(delivery.get("provider_status").asText()).isEqualTo("bounced");
    assertThat(delivery.get("provider_error_code").asText()).isEqualTo("5.1.1");
    assertThat(delivery.get("reports")).hasSize(1);
    assertThat(delivery.get("reports").get(0).get("raw_status").asText())
        .isEqualTo("bounce:bounce");
  }

  @Test
  void the_admin_route_wants_the_token_and_an_event_id() {
    String bearer = "Bearer " + RunningApi.ADMIN_TOKEN;

    assertRefused(http.get("/admin/deliveries?event_id=" + UUID.randomUUID()), 401);
    assertRefused(http.get("/admin/deliveries", "Authorization", bearer), 400);
    assertRefused(http.get("/admin/deliveries?event_id=nope", "Authorization", bearer), 400);
    Response none =
        http.get("/admin/deliveries?event_id=" + UUID.randomUUID(), "Authorization", bearer);
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.json().get("deliveries")).isEmpty();
  }

  @Test
  void oversized_and_malformed_bodies_are_problems() {
    byte[] huge = new byte[WebhookController.SENDGRID_MAX_BYTES + 1];
    Arrays.fill(huge, (byte) ' ');
    byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
    String now = Long.toString(Instant.now().getEpochSecond());

    assertOversizedRefused(() -> sendGrid.post(http, huge));
    Map<String, String> hugeForm = TwilioStandIn.statusForm("SMhuge", "sent", null);
    hugeForm.put("Body", "x".repeat(70 * 1024));
    assertOversizedRefused(() -> twilio.post(http, "event_id=" + UUID.randomUUID(), hugeForm));
    assertRefused(SendGridStandIn.post(http, notJson, now, sendGrid.sign(now, notJson)), 400);
    assertRefused(http.post(TwilioStandIn.PATH, "application/json", "{}".getBytes()), 415);
  }

  private static double bounces() {
    String metrics = http.get("/metrics").body();
    return metrics
        .lines()
        .filter(line -> line.startsWith("notifier_provider_bounces_total{"))
        .filter(line -> line.contains("provider=\"sendgrid\"") && line.contains("bounced"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
