package dev.outbox.testing.providers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outbox.json.Json;
import dev.outbox.testing.HttpTestClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * SendGrid's side of the signed Event Webhook, as SendGrid documents it: an ECDSA P-256 key pair
 * (generated here; the public half, base64 X.509, is what SENDGRID_WEBHOOK_PUBLIC_KEY takes), and
 * per request a base64 DER signature of SHA-256 over the timestamp header followed by the body.
 */
public final class SendGridStandIn {

  public static final String PATH = "/webhooks/sendgrid/events";
  public static final String SIGNATURE = "X-Twilio-Email-Event-Webhook-Signature";
  public static final String TIMESTAMP = "X-Twilio-Email-Event-Webhook-Timestamp";

  private final KeyPair keys;

  public SendGridStandIn() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      this.keys = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has P-256", e);
    }
  }

  /** The verification key as SendGrid's settings page shows it. */
  public String publicKey() {
    return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
  }

  public String sign(String timestamp, byte[] body) {
    try {
      Signature ecdsa = Signature.getInstance("SHA256withECDSA");
      ecdsa.initSign(keys.getPrivate());
      ecdsa.update(timestamp.getBytes(StandardCharsets.UTF_8));
      ecdsa.update(body);
      return Base64.getEncoder().encodeToString(ecdsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing failed", e);
    }
  }

  /**
   * One event as SendGrid posts it: custom_args ({@code event_id}, {@code handler}) at the top
   * level, sg_message_id the X-Message-Id plus SendGrid's suffix.
   */
  public static ObjectNode event(
      String event, UUID eventId, String handler, String xMessageId, Instant at) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("email", "ada@example.com");
    node.put("timestamp", at.getEpochSecond());
    node.put("event", event);
    node.put("sg_event_id", UUID.randomUUID().toString());
    node.put("sg_message_id", xMessageId + ".filterdrecv-5645d9c87f-abcde-1-5F1A-2.0");
    if (eventId != null) {
      node.put("event_id", eventId.toString());
    }
    if (handler != null) {
      node.put("handler", handler);
    }
    return node;
  }

  public static byte[] body(List<ObjectNode> events) {
    ArrayNode array = Json.mapper().createArrayNode();
    events.forEach(array::add);
    return array.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Posts {@code body} signed now. */
  public HttpTestClient.Response post(HttpTestClient api, byte[] body) {
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    return post(api, body, timestamp, sign(timestamp, body));
  }

  /** Posts {@code body} with the given headers (left out when null). */
  public static HttpTestClient.Response post(
      HttpTestClient api, byte[] body, String timestamp, String signature) {
    List<String> headers = new ArrayList<>();
    if (timestamp != null) {
      headers.addAll(List.of(TIMESTAMP, timestamp));
    }
    if (signature != null) {
      headers.addAll(List.of(SIGNATURE, signature));
    }
    return api.post(PATH, "application/json", body, headers.toArray(String[]::new));
  }
}
