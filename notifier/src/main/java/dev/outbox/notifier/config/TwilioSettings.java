package dev.outbox.notifier.config;

import dev.outbox.config.ConfigReader;
import dev.outbox.config.ProviderCallbackSettings;
import dev.outbox.config.Role;
import dev.outbox.config.Secrets;
import dev.outbox.config.Setting;
import java.net.URI;

/**
 * Twilio Messages API, read only when {@code SMS_ADAPTER=twilio}. The status callback receives
 * delivery reports, with {@code ?event_id=} appended for reconciliation.
 */
public record TwilioSettings(
    String accountSid, String authToken, String from, URI baseUrl, URI statusCallbackUrl) {

  private static final String WHEN = "with SMS_ADAPTER=twilio";
  private static final String PUBLIC_BASE_URL = "{PUBLIC_BASE_URL}";

  public static final Setting<String> ACCOUNT_SID =
      Setting.text("TWILIO_ACCOUNT_SID").withDescription("required " + WHEN).readBy(Role.NOTIFIER);

  public static final Setting<String> AUTH_TOKEN = ProviderCallbackSettings.TWILIO_AUTH_TOKEN;

  public static final Setting<String> FROM =
      Setting.text("TWILIO_FROM")
          .withDescription("sender number, required " + WHEN)
          .readBy(Role.NOTIFIER);

  public static final Setting<URI> BASE_URL =
      Setting.httpUrl("TWILIO_BASE_URL")
          .withDefault("https://api.twilio.com")
          .withDescription("Twilio API base URL (proxies, tests)")
          .readBy(Role.NOTIFIER);

  /**
   * An http(s) URL that may start with {@code {PUBLIC_BASE_URL}}, as its default does; the value is
   * that text, resolved by {@link #read}.
   */
  public static final Setting<String> STATUS_CALLBACK_URL =
      Setting.text("TWILIO_STATUS_CALLBACK_URL")
          .validatedBy(
              TwilioSettings::isHttpUrl,
              "must be an http(s) URL (it may start with " + PUBLIC_BASE_URL + ")")
          .withDefault(PUBLIC_BASE_URL + "/webhooks/twilio/status")
          .withDescription(
              "where Twilio reports SMS delivery (event_id and handler are appended); the api"
                  + " verifies signatures for its default only")
          .readBy(Role.NOTIFIER);

  static TwilioSettings read(ConfigReader config, URI publicBaseUrl) {
    String callback =
        config
            .get(STATUS_CALLBACK_URL)
            .replace(PUBLIC_BASE_URL, ProviderCallbackSettings.trimmed(publicBaseUrl));
    return new TwilioSettings(
        config.required(ACCOUNT_SID, WHEN),
        config.required(AUTH_TOKEN, WHEN),
        config.required(FROM, WHEN),
        config.get(BASE_URL),
        URI.create(callback));
  }

  private static boolean isHttpUrl(String text) {
    try {
      String scheme = URI.create(text.replace(PUBLIC_BASE_URL, "http://localhost")).getScheme();
      return "http".equals(scheme) || "https".equals(scheme);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "TwilioSettings[accountSid="
        + accountSid
        + ", authToken="
        + Secrets.mask(authToken)
        + ", from="
        + from
        + ", baseUrl="
        + baseUrl
        + ", statusCallbackUrl="
        + statusCallbackUrl
        + "]";
  }
}
