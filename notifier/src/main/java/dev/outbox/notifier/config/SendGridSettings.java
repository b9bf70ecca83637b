package dev.outbox.notifier.config;

import java.net.URI;

/**
 * SendGrid v3 mail/send. {@code SENDGRID_API_KEY} and {@code SENDGRID_FROM} are required when
 * {@code EMAIL_ADAPTER=sendgrid}; {@code SENDGRID_BASE_URL} (default {@code
 * https://api.sendgrid.com}) points at a proxy or a test server. The key is never in {@link
 * #toString()}.
 */
public record SendGridSettings(String apiKey, String from, URI baseUrl) {

  static SendGridSettings fromEnv(Env env) {
    String why = "when EMAIL_ADAPTER=sendgrid";
    URI baseUrl = env.httpUrl("SENDGRID_BASE_URL", "https://api.sendgrid.com");
    // The SDK takes a host[:port] and always appends /v3/...: a path prefix would be dropped.
    if (baseUrl.getPath() != null
        && !baseUrl.getPath().isEmpty()
        && !baseUrl.getPath().equals("/")) {
      throw new IllegalArgumentException(
          "SENDGRID_BASE_URL must be scheme://host[:port] without a path, got " + baseUrl);
    }
    return new SendGridSettings(
        env.required("SENDGRID_API_KEY", why), env.required("SENDGRID_FROM", why), baseUrl);
  }

  @Override
  public String toString() {
    return "SendGridSettings[apiKey=***, from=" + from + ", baseUrl=" + baseUrl + "]";
  }
}
