package dev.outbox.api.webhook;

import dev.outbox.api.RouteGroup;
import dev.outbox.api.config.WebhookSettings;
import dev.outbox.api.error.ApiProblem;
import dev.outbox.api.error.ProblemType;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers' delivery reports: {@code POST /webhooks/twilio/status} (Twilio's status callback,
 * form-encoded, signed with X-Twilio-Signature) and {@code POST /webhooks/sendgrid/events}
 * (SendGrid's Event Webhook, a JSON array, signed when SENDGRID_WEBHOOK_PUBLIC_KEY is set). Nothing
 * is read from a request before its signature verifies. A report for a message the delivery log
 * does not know is answered 200 and logged, since providers retry anything else for hours; a report
 * received twice is kept once.
 */
public final class WebhookController implements RouteGroup {

  static final String TWILIO_PATH = "/webhooks/twilio/status";
  static final String SENDGRID_PATH = "/webhooks/sendgrid/events";

  /**
   * SendGrid posts batches of events of up to about 768 KB; a larger body is refused with 413.
   * Twilio's callbacks are a few hundred bytes and fall under the server's limit (JsonBody).
   */
  static final int SENDGRID_MAX_BYTES = 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

  private final WebhookSettings settings;
  private final TwilioSignature twilio;
  private final SendGridSignature sendGrid;
  private final DeliveryLogReports reports;
  private final MeterRegistry meters;
  private final Clock clock;

  public WebhookController(
      WebhookSettings settings, DataSource dataSource, MeterRegistry meters, Clock clock) {
    this.settings = settings;
    this.twilio = new TwilioSignature(settings.twilioAuthToken());
    this.sendGrid =
        new SendGridSignature(settings.sendGridPublicKey(), settings.sendGridMaxAge(), clock);
    this.reports = new DeliveryLogReports(dataSource, clock);
    this.meters = meters;
    this.clock = clock;
    if (!sendGrid.required()) {
      log.warn(
          "SENDGRID_WEBHOOK_PUBLIC_KEY is unset: {} takes unsigned events from anyone",
          SENDGRID_PATH);
    }
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.post(TWILIO_PATH, this::twilioStatus);
    routes.post(SENDGRID_PATH, this::sendGridEvents);
  }

  private void twilioStatus(Context ctx) throws SQLException {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/x-www-form-urlencoded")) {
      throw new ApiProblem(
          ProblemType.UNSUPPORTED_MEDIA_TYPE, "Twilio posts application/x-www-form-urlencoded");
    }
    Map<String, String> form = firstValues(ctx.formParamMap());
    String query = ctx.queryString();
    String url = settings.publicUrl(TWILIO_PATH) + (query == null ? "" : "?" + query);
    twilio.check(url, form, ctx.header(TwilioSignature.HEADER));
    ProviderReport report =
        TwilioReports.read(form, firstValues(ctx.queryParamMap()), clock.instant());
    answer(ctx, List.of(report));
  }

  private void sendGridEvents(Context ctx) throws SQLException, IOException {
    byte[] body = WebhookBody.read(ctx, SENDGRID_MAX_BYTES);
    sendGrid.check(
        ctx.header(SendGridSignature.SIGNATURE_HEADER),
        ctx.header(SendGridSignature.TIMESTAMP_HEADER),
        body);
    answer(ctx, SendGridReports.read(body));
  }

  private void answer(Context ctx, List<ProviderReport> received) throws SQLException {
    Map<DeliveryLogReports.Result, Integer> counts = new EnumMap<>(DeliveryLogReports.Result.class);
    for (ProviderReport report : received) {
      DeliveryLogReports.Result result = reports.record(report);
      counts.merge(result, 1, Integer::sum);
      count(report, result);
    }
    Map<String, Integer> body = new LinkedHashMap<>();
    for (DeliveryLogReports.Result result : DeliveryLogReports.Result.values()) {
      body.put(result.name().toLowerCase(Locale.ROOT), counts.getOrDefault(result, 0));
    }
    ctx.json(body);
  }

  private void count(ProviderReport report, DeliveryLogReports.Result result) {
    meters
        .counter(
            "webhook.reports",
            "provider",
            report.provider(),
            "result",
            result.name().toLowerCase(Locale.ROOT))
        .increment();
    if (result == DeliveryLogReports.Result.UNKNOWN_DELIVERY) {
      log.info(
          "{} report {} for message {} (event {}, handler {}) matches no delivery; ignored",
          report.provider(),
          report.rawStatus(),
          report.providerMessageId(),
          report.eventId().map(Object::toString).orElse("unknown"),
          report.handler().orElse("unknown"));
    } else if (result == DeliveryLogReports.Result.RECORDED && report.status().permanentFailure()) {
      log.warn(
          "{} reports {} for event {} ({}): the message was not delivered",
          report.provider(),
          report.rawStatus(),
          report.eventId().map(Object::toString).orElse("unknown"),
          report.handler().orElse(report.providerMessageId()));
      meters
          .counter(
              "notifier.provider.bounces",
              "provider",
              report.provider(),
              "status",
              report.status().label())
          .increment();
    }
  }

  private static Map<String, String> firstValues(Map<String, List<String>> params) {
    Map<String, String> first = new LinkedHashMap<>();
    params.forEach((name, values) -> first.put(name, values.isEmpty() ? "" : values.get(0)));
    return first;
  }
}
