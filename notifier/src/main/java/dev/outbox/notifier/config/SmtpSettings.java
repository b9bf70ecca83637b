package dev.outbox.notifier.config;

/**
 * Plain SMTP through Jakarta Mail. {@code SMTP_HOST} and {@code SMTP_FROM} are required when {@code
 * EMAIL_ADAPTER=smtp}; {@code SMTP_PORT} (default 587), {@code SMTP_USERNAME} and {@code
 * SMTP_PASSWORD} (both optional: no authentication when unset), {@code SMTP_STARTTLS} (default
 * true). The password is never in {@link #toString()}.
 */
public record SmtpSettings(
    String host, int port, String username, String password, String from, boolean startTls) {

  static SmtpSettings fromEnv(Env env) {
    String why = "when EMAIL_ADAPTER=smtp";
    return new SmtpSettings(
        env.required("SMTP_HOST", why),
        env.positiveInt("SMTP_PORT", 587),
        env.get("SMTP_USERNAME", null),
        env.get("SMTP_PASSWORD", null),
        env.required("SMTP_FROM", why),
        env.bool("SMTP_STARTTLS", true));
  }

  public boolean authenticates() {
    return username != null;
  }

  @Override
  public String toString() {
    return "SmtpSettings[host="
        + host
        + ", port="
        + port
        + ", username="
        + username
        + ", password="
        + (password == null ? "(none)" : "***")
        + ", from="
        + from
        + ", startTls="
        + startTls
        + "]";
  }
}
