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
    return new SendGridSettings(
        env.required("SENDGRID_API_KEY", why),
        env.required("SENDGRID_FROM", why),
        env.httpUrl("SENDGRID_BASE_URL", "https://api.sendgrid.com"));
  }

  @Override
  public String toString() {
    return "SendGridSettings[apiKey=***, from=" + from + ", baseUrl=" + baseUrl + "]";
  }
}
