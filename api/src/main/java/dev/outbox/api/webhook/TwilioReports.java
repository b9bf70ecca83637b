package dev.outbox.api.webhook;

import dev.outbox.api.error.ApiProblem;
import dev.outbox.api.error.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads Twilio's status callback: form fields {@code MessageSid}, {@code MessageStatus} and, for
 * failures, {@code ErrorCode}; {@code event_id} and {@code handler} come from the query string the
 * notifier put into the callback URL. Twilio sends no time, so the report is dated on receipt; the
 * report's identity is the message and its status, since Twilio reports each status once per
 * message (a repeat is a retry of the same report).
 */
final class TwilioReports {

  static final String PROVIDER = "twilio";

  private TwilioReports() {}

  static ProviderReport read(
      Map<String, String> form, Map<String, String> query, Instant receivedAt) {
    String sid = form.get("MessageSid");
    String status = form.get("MessageStatus");
    List<FieldError> missing = new ArrayList<>();
    if (sid == null || sid.isBlank()) {
      missing.add(new FieldError("MessageSid", "is required"));
    }
    if (status == null || status.isBlank()) {
      missing.add(new FieldError("MessageStatus", "is required"));
    }
    if (!missing.isEmpty()) {
      throw ApiProblem.invalid(missing);
    }
    return new ProviderReport(
        PROVIDER,
        sid.trim() + ":" + status.trim(),
        ProviderReport.uuid(query.get("event_id")),
        ProviderReport.text(query.get("handler")),
        sid.trim(),
        ProviderStatus.fromTwilio(status.trim()),
        status.trim(),
        ProviderReport.text(form.get("ErrorCode")),
        receivedAt);
  }
}
