package dev.outbox.notifier.config;

import java.net.URI;

/**
 * Twilio Messages API. {@code TWILIO_ACCOUNT_SID}, {@code TWILIO_AUTH_TOKEN} and {@code
 * TWILIO_FROM} are required when {@code SMS_ADAPTER=twilio}; {@code TWILIO_BASE_URL} (default
 * {@code https://api.twilio.com}) points at a proxy or a test server; {@code
 * TWILIO_STATUS_CALLBACK_URL} (default {@code {PUBLIC_BASE_URL}/webhooks/twilio/status}) receives
 * delivery reports, with {@code ?event_id=} appended for reconciliation. The token is never in
 * {@link #toString()}.
 */
public record TwilioSettings(
    String accountSid, String authToken, String from, URI baseUrl, URI statusCallbackUrl) {

  static TwilioSettings fromEnv(Env env, URI publicBaseUrl) {
    String why = "when SMS_ADAPTER=twilio";
    return new TwilioSettings(
        env.required("TWILIO_ACCOUNT_SID", why),
        env.required("TWILIO_AUTH_TOKEN", why),
        env.required("TWILIO_FROM", why),
        env.httpUrl("TWILIO_BASE_URL", "https://api.twilio.com"),
        env.httpUrl(
            "TWILIO_STATUS_CALLBACK_URL",
            publicBaseUrl.toString().replaceAll("/+$", "") + "/webhooks/twilio/status"));
  }

  @Override
  public String toString() {
    return "TwilioSettings[accountSid="
        + accountSid
        + ", authToken=***, from="
        + from
        + ", baseUrl="
        + baseUrl
        + ", statusCallbackUrl="
        + statusCallbackUrl
        + "]";
  }
}
