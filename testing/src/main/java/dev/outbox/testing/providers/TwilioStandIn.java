package dev.outbox.testing.providers;

import dev.outbox.testing.HttpTestClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's side of a status callback, signed the way Twilio documents it ("Webhooks security"):
 * HMAC-SHA1 keyed with the auth token over the full URL, then each form parameter sorted by name as
 * name followed by value, base64. Written from the documentation, not with the SDK, so the api's
 * use of the SDK's validator is checked against an independent signer.
 */
public final class TwilioStandIn {

  public static final String PATH = "/webhooks/twilio/status";

  private final String authToken;
  private final String publicBaseUrl;

  /** Signs as the account with {@code authToken}, for callbacks to {@code publicBaseUrl}. */
  public TwilioStandIn(String authToken, String publicBaseUrl) {
    this.authToken = authToken;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
  }

  /** The form of a status callback for {@code sid} in {@code status}. */
  public static Map<String, String> statusForm(String sid, String status, String errorCode) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("AccountSid", "ACtest");
    form.put("MessageSid", sid);
    form.put("SmsSid", sid);
    form.put("MessageStatus", status);
    form.put("SmsStatus", status);
    form.put("To", "+14155550100");
    form.put("From", "+15005550006");
    form.put("ApiVersion", "2010-04-01");
    if (errorCode != null) {
      form.put("ErrorCode", errorCode);
    }
    return form;
  }

  /** The signature Twilio sends for {@code form} posted to {@code url}. */
  public String signature(String url, Map<String, String> form) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      byte[] digest = mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA1", e);
    }
  }

  /** The public URL of the callback with {@code query} ({@code event_id=...&handler=...}). */
  public String url(String query) {
    return publicBaseUrl + PATH + (query == null ? "" : "?" + query);
  }

  /** Posts {@code form} to the api with a valid signature. */
  public HttpTestClient.Response post(HttpTestClient api, String query, Map<String, String> form) {
    return post(api, query, form, signature(url(query), form));
  }

  /** Posts {@code form} with {@code signature} as X-Twilio-Signature (none when null). */
  public static HttpTestClient.Response post(
      HttpTestClient api, String query, Map<String, String> form, String signature) {
    String path = PATH + (query == null ? "" : "?" + query);
    byte[] body = encode(form).getBytes(StandardCharsets.UTF_8);
    String type = "application/x-www-form-urlencoded";
    return signature == null
        ? api.post(path, type, body)
        : api.post(path, type, body, "X-Twilio-Signature", signature);
  }

  public static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
