package dev.outbox.api.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outbox.api.error.ApiProblem;
import dev.outbox.api.error.FieldError;
import dev.outbox.api.error.ProblemType;
import dev.outbox.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Reads SendGrid's Event Webhook body: a JSON array of events, each with {@code event}, {@code
 * timestamp} (Unix seconds), {@code sg_event_id}, {@code sg_message_id}, for failures {@code
 * status}/{@code reason}, and the custom_args of the message as top-level keys ({@code event_id},
 * {@code handler}). sg_message_id is SendGrid's X-Message-Id followed by {@code .filter...}.
 */
final class SendGridReports {

  static final String PROVIDER = "sendgrid";

  private SendGridReports() {}

  static List<ProviderReport> read(byte[] body) {
    JsonNode events;
    try {
      events = Json.mapper().readTree(body);
    } catch (IOException e) {
      throw new ApiProblem(ProblemType.MALFORMED_JSON, "The body is not valid JSON");
    }
    if (events == null || !events.isArray()) {
      throw ApiProblem.invalid(List.of(new FieldError("$", "must be a JSON array of events")));
    }
    List<ProviderReport> reports = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      reports.add(report(events.get(i), i));
    }
    return reports;
  }

  private static ProviderReport report(JsonNode e, int index) {
    String event = e.path("event").asText("");
    if (!e.isObject() || event.isBlank() || !e.path("timestamp").canConvertToLong()) {
      throw ApiProblem.invalid(
          List.of(new FieldError("[" + index + "]", "must be an event with event and timestamp")));
    }
    String type = e.path("type").asText("");
    return new ProviderReport(
        PROVIDER,
        text(e, "sg_event_id").orElseGet(() -> digest(e)),
        ProviderReport.uuid(e.path("event_id").asText(null)),
        text(e, "handler"),
        text(e, "sg_message_id").orElse(null),
        ProviderStatus.fromSendGrid(event),
        type.isBlank() ? event : event + ":" + type,
        text(e, "status").or(() -> text(e, "reason")).map(SendGridReports::abbreviate),
        Instant.ofEpochSecond(e.path("timestamp").asLong()));
  }

  private static Optional<String> text(JsonNode event, String field) {
    JsonNode value = event.get(field);
    return value == null || !value.isValueNode()
        ? Optional.empty()
        : ProviderReport.text(value.asText());
  }

  // Events without sg_event_id (older accounts) are identified by their content.
  private static String digest(JsonNode event) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(event.toString().getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) : text;
  }
}
