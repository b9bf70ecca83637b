package dev.outbox.config;

import java.net.URI;

/**
 * What the notifier and the api must agree on for the providers' delivery reports: the public
 * address the notifier gives Twilio and SendGrid (and puts in its links), under which the api
 * serves the webhooks and against which Twilio signs, and Twilio's auth token, with which the
 * notifier sends and the api checks {@code X-Twilio-Signature}. Declared once here because two
 * roles in separate processes read them.
 */
public final class ProviderCallbackSettings {

  public static final Setting<URI> PUBLIC_BASE_URL =
      Setting.httpUrl("PUBLIC_BASE_URL")
          .withDefault("http://localhost:8080")
          .withDescription(
              "the api's public address: where links in emails and SMS point, and the URL"
                  + " Twilio signs its status callbacks for")
          .readBy(Role.API, Role.NOTIFIER);

  public static final Setting<String> TWILIO_AUTH_TOKEN =
      Setting.text("TWILIO_AUTH_TOKEN")
          .asSecret()
          .withDescription(
              "Twilio auth token: required by the notifier with SMS_ADAPTER=twilio; the api checks"
                  + " X-Twilio-Signature with it (unset: every Twilio callback is refused)")
          .readBy(Role.API, Role.NOTIFIER);

  private ProviderCallbackSettings() {}

  /** The public base URL without trailing slashes, so paths can be appended to it. */
  public static String trimmed(URI publicBaseUrl) {
    return publicBaseUrl.toString().replaceAll("/+$", "");
  }
}
