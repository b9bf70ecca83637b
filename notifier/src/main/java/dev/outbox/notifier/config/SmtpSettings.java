package dev.outbox.notifier.config;

import dev.outbox.config.ConfigReader;
import dev.outbox.config.Role;
import dev.outbox.config.Secrets;
import dev.outbox.config.Setting;

/**
 * Plain SMTP through Jakarta Mail, read only when {@code EMAIL_ADAPTER=smtp}; without a user name
 * there is no authentication.
 */
public record SmtpSettings(
    String host, int port, String username, String password, String from, boolean startTls) {

  private static final String WHEN = "with EMAIL_ADAPTER=smtp";

  public static final Setting<String> HOST =
      Setting.text("SMTP_HOST").withDescription("required " + WHEN).readBy(Role.NOTIFIER);

  public static final Setting<Integer> PORT =
      Setting.integer("SMTP_PORT", 1, 65_535)
          .withDefault("587")
          .withDescription("SMTP port")
          .readBy(Role.NOTIFIER);

  public static final Setting<String> USERNAME =
      Setting.text("SMTP_USERNAME")
          .withDescription("SMTP user; unset: no authentication")
          .readBy(Role.NOTIFIER);

  public static final Setting<String> PASSWORD =
      Setting.text("SMTP_PASSWORD")
          .asSecret()
          .withDescription("SMTP password")
          .readBy(Role.NOTIFIER);

  public static final Setting<String> FROM =
      Setting.text("SMTP_FROM")
          .withDescription("sender address, required " + WHEN)
          .readBy(Role.NOTIFIER);

  public static final Setting<Boolean> STARTTLS =
      Setting.bool("SMTP_STARTTLS")
          .withDefault("true")
          .withDescription("use STARTTLS")
          .readBy(Role.NOTIFIER);

  static SmtpSettings read(ConfigReader config) {
    return new SmtpSettings(
        config.required(HOST, WHEN),
        config.get(PORT),
        config.optional(USERNAME).orElse(null),
        config.optional(PASSWORD).orElse(null),
        config.required(FROM, WHEN),
        config.get(STARTTLS));
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
        + Secrets.mask(password)
        + ", from="
        + from
        + ", startTls="
        + startTls
        + "]";
  }
}
