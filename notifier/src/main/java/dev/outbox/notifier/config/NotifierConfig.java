package dev.outbox.notifier.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the notifier reads from the environment. Variables (defaults in brackets):
 *
 * <ul>
 *   <li>{@code DATABASE_URL} [jdbc:postgresql://localhost:5432/outbox], {@code DATABASE_USER}
 *       [postgres], {@code DATABASE_PASSWORD} [empty]: where the notifier keeps its delivery log.
 *   <li>{@code EVENT_BUS_URL} [amqp://guest:guest@localhost:5672/], {@code EVENT_BUS_EXCHANGE}
 *       [domain.events]: where the events come from.
 *   <li>{@code EMAIL_ADAPTER} [log] (log, sendgrid, smtp) and {@code SMS_ADAPTER} [log] (log,
 *       twilio), with the provider settings in {@link SendGridSettings}, {@link SmtpSettings} and
 *       {@link TwilioSettings}, read only for the chosen adapter.
 *   <li>{@code EMAIL_VERIFICATION_SECRET} (required): HMAC key of the verification token.
 *   <li>{@code PUBLIC_BASE_URL} [http://localhost:8080]: where links in messages point.
 *   <li>the consumption and retry settings of {@link ConsumerSettings}.
 * </ul>
 *
 * Secrets (passwords, API keys, tokens, the verification secret) never appear in {@link
 * #toString()}.
 */
public record NotifierConfig(
    String databaseUrl,
    String databaseUser,
    String databasePassword,
    String eventBusUrl,
    String exchange,
    EmailAdapter emailAdapter,
    SmsAdapter smsAdapter,
    Optional<SendGridSettings> sendGrid,
    Optional<SmtpSettings> smtp,
    Optional<TwilioSettings> twilio,
    String verificationSecret,
    URI publicBaseUrl,
    ConsumerSettings consumer) {

  /** Which email provider sends. */
  public enum EmailAdapter {
    LOG,
    SENDGRID,
    SMTP
  }

  /** Which SMS provider sends. */
  public enum SmsAdapter {
    LOG,
    TWILIO
  }

  /**
   * Reads and validates the configuration.
   *
   * @throws IllegalArgumentException naming the variable that is missing or malformed
   */
  public static NotifierConfig fromEnv(Map<String, String> variables) {
    Env env = new Env(variables);
    String databaseUrl = env.get("DATABASE_URL", "jdbc:postgresql://localhost:5432/outbox");
    if (!databaseUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "DATABASE_URL must be a jdbc:postgresql: URL, got " + databaseUrl);
    }
    String eventBusUrl = env.get("EVENT_BUS_URL", "amqp://guest:guest@localhost:5672/");
    if (!eventBusUrl.startsWith("amqp://") && !eventBusUrl.startsWith("amqps://")) {
      throw new IllegalArgumentException("EVENT_BUS_URL must be an amqp(s):// URL");
    }
    EmailAdapter email = env.choice("EMAIL_ADAPTER", EmailAdapter.class, EmailAdapter.LOG);
    SmsAdapter sms = env.choice("SMS_ADAPTER", SmsAdapter.class, SmsAdapter.LOG);
    URI publicBaseUrl = env.httpUrl("PUBLIC_BASE_URL", "http://localhost:8080");
    return new NotifierConfig(
        databaseUrl,
        env.get("DATABASE_USER", "postgres"),
        env.get("DATABASE_PASSWORD", ""),
        eventBusUrl,
        env.get("EVENT_BUS_EXCHANGE", "domain.events"),
        email,
        sms,
        email == EmailAdapter.SENDGRID
            ? Optional.of(SendGridSettings.fromEnv(env))
            : Optional.empty(),
        email == EmailAdapter.SMTP ? Optional.of(SmtpSettings.fromEnv(env)) : Optional.empty(),
        sms == SmsAdapter.TWILIO
            ? Optional.of(TwilioSettings.fromEnv(env, publicBaseUrl))
            : Optional.empty(),
        env.required("EMAIL_VERIFICATION_SECRET", "to sign the link in the welcome email"),
        publicBaseUrl,
        ConsumerSettings.fromEnv(env));
  }

  @Override
  public String toString() {
    return "NotifierConfig[databaseUrl="
        + databaseUrl
        + ", databaseUser="
        + databaseUser
        + ", databasePassword=***, eventBusUrl="
        + eventBusUrl.replaceAll("//[^@/]*@", "//***@")
        + ", exchange="
        + exchange
        + ", emailAdapter="
        + emailAdapter
        + ", smsAdapter="
        + smsAdapter
        + ", sendGrid="
        + sendGrid
        + ", smtp="
        + smtp
        + ", twilio="
        + twilio
        + ", verificationSecret=***, publicBaseUrl="
        + publicBaseUrl
        + ", consumer="
        + consumer
        + "]";
  }
}
