package dev.outbox.notifier.config;

import dev.outbox.config.ConfigReader;
import dev.outbox.config.Role;
import dev.outbox.config.Secrets;
import dev.outbox.config.Setting;
import java.net.URI;

/** SendGrid v3 mail/send, read only when {@code EMAIL_ADAPTER=sendgrid}. */
public record SendGridSettings(String apiKey, String from, URI baseUrl) {

  private static final String WHEN = "with EMAIL_ADAPTER=sendgrid";

  public static final Setting<String> API_KEY =
      Setting.text("SENDGRID_API_KEY")
          .asSecret()
          .withDescription("required " + WHEN)
          .readBy(Role.NOTIFIER);

  public static final Setting<String> FROM =
      Setting.text("SENDGRID_FROM")
          .withDescription("sender address, required " + WHEN)
          .readBy(Role.NOTIFIER);

  public static final Setting<URI> BASE_URL =
      Setting.httpUrl("SENDGRID_BASE_URL")
          // The SDK takes a host[:port] and always appends /v3/...: a path prefix would be dropped.
          .validatedBy(
              url -> url.getPath() == null || url.getPath().isEmpty() || url.getPath().equals("/"),
              "must be scheme://host[:port] without a path")
          .withDefault("https://api.sendgrid.com")
          .withDescription("SendGrid API base URL (proxies, tests)")
          .readBy(Role.NOTIFIER);

  static SendGridSettings read(ConfigReader config) {
    return new SendGridSettings(
        config.required(API_KEY, WHEN), config.required(FROM, WHEN), config.get(BASE_URL));
  }

  @Override
  public String toString() {
    return "SendGridSettings[apiKey="
        + Secrets.mask(apiKey)
        + ", from="
        + from
        + ", baseUrl="
        + baseUrl
        + "]";
  }
}
