package dev.outbox.chaos.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outbox.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads what a SendGrid {@code POST /v3/mail/send} (JSON) or a Twilio {@code POST
 * /2010-04-01/Accounts/{sid}/Messages.json} (form) request says: the event id, the recipient, the
 * text and which notifier incarnation sent it. The incarnation travels in the credentials the suite
 * gives each incarnation: {@code SENDGRID_API_KEY=SG.chaos-<incarnation>} and {@code
 * TWILIO_AUTH_TOKEN=chaos-<incarnation>}.
 */
final class ProviderRequests {

  static final String SENDGRID_KEY_PREFIX = "SG.chaos-";
  static final String TWILIO_TOKEN_PREFIX = "chaos-";

  private ProviderRequests() {}

  /** The parts of one request, or empty when the path is neither provider's. */
  static Optional<Parsed> parse(String path, String authorization, String body) {
    if (path.equals("/v3/mail/send")) {
      return Optional.of(sendGrid(authorization, body));
    }
    if (path.startsWith("/2010-04-01/Accounts/") && path.endsWith("/Messages.json")) {
      return Optional.of(twilio(authorization, body));
    }
    return Optional.empty();
  }

  /** What one request says. */
  record Parsed(Channel channel, UUID eventId, String recipient, String sender, String text) {}

  private static Parsed sendGrid(String authorization, String body) {
    JsonNode json = json(body);
    String text = "";
    for (JsonNode content : json.path("content")) {
      if ("text/plain".equals(content.path("type").asText())) {
        text = content.path("value").asText();
      }
    }
    return new Parsed(
        Channel.EMAIL,
        uuid(json.path("custom_args").path("event_id").asText(null)),
        json.path("personalizations").path(0).path("to").path(0).path("email").asText(null),
        strip(bearer(authorization), SENDGRID_KEY_PREFIX),
        text);
  }

  private static Parsed twilio(String authorization, String body) {
    Map<String, String> form = form(body);
    String callback = form.getOrDefault("StatusCallback", "");
    String query = callback.contains("?") ? URI.create(callback).getRawQuery() : "";
    return new Parsed(
        Channel.SMS,
        uuid(form(query == null ? "" : query).get("event_id")),
        form.get("To"),
        strip(basicPassword(authorization), TWILIO_TOKEN_PREFIX),
        form.getOrDefault("Body", ""));
  }

  static Map<String, String> form(String encoded) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String[] kv = pair.split("=", 2);
      form.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
    }
    return form;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String bearer(String authorization) {
    return authorization != null && authorization.startsWith("Bearer ")
        ? authorization.substring(7)
        : "";
  }

  private static String basicPassword(String authorization) {
    if (authorization == null || !authorization.startsWith("Basic ")) {
      return "";
    }
    String pair =
        new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
    return pair.substring(pair.indexOf(':') + 1);
  }

  private static String strip(String credential, String prefix) {
    return credential.startsWith(prefix) ? credential.substring(prefix.length()) : "unknown";
  }

  private static UUID uuid(String text) {
    try {
      return text == null ? null : UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static JsonNode json(String body) {
    try {
      return Json.mapper().readTree(body);
    } catch (IOException e) {
      return Json.mapper().createObjectNode();
    }
  }
}
