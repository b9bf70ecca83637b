package dev.outbox.notifier.config;

import dev.outbox.config.ConfigReader;
import dev.outbox.config.DatabaseSettings;
import dev.outbox.config.EmailVerificationSettings;
import dev.outbox.config.EventBusSettings;
import dev.outbox.config.ProviderCallbackSettings;
import dev.outbox.config.Role;
import dev.outbox.config.Setting;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Everything the notifier reads: the shared database, event bus and verification-secret settings,
 * the adapters with their provider settings (read only for the chosen adapter), and {@link
 * ConsumerSettings}. Every variable is a {@link Setting} constant next to the code that reads it;
 * {@link #settings()} lists them. Secrets never appear in {@link #toString()}: each component masks
 * its own.
 */
public record NotifierConfig(
    DatabaseSettings database,
    EventBusSettings bus,
    EmailAdapter emailAdapter,
    SmsAdapter smsAdapter,
    Optional<SendGridSettings> sendGrid,
    Optional<SmtpSettings> smtp,
    Optional<TwilioSettings> twilio,
    boolean logAdapterPrintsBodies,
    EmailVerificationSettings verification,
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

  public static final Setting<EmailAdapter> EMAIL_ADAPTER =
      Setting.choice("EMAIL_ADAPTER", EmailAdapter.class)
          .withDefault("log")
          .withDescription("log, sendgrid or smtp")
          .readBy(Role.NOTIFIER);

  public static final Setting<SmsAdapter> SMS_ADAPTER =
      Setting.choice("SMS_ADAPTER", SmsAdapter.class)
          .withDefault("log")
          .withDescription("log or twilio")
          .readBy(Role.NOTIFIER);

  /** Off by default: message bodies hold full addresses and working verification links. */
  public static final Setting<Boolean> LOG_ADAPTER_PRINT_BODIES =
      Setting.bool("LOG_ADAPTER_PRINT_BODIES")
          .withDefault("false")
          .withDescription(
              "true: the log adapters also print each message's text, with full recipients and"
                  + " working verification links (for local runs only)")
          .readBy(Role.NOTIFIER);

  public static final Setting<URI> PUBLIC_BASE_URL = ProviderCallbackSettings.PUBLIC_BASE_URL;

  /**
   * Reads the notifier's configuration; call {@link ConfigReader#finish()} (or read through {@link
   * ConfigReader#read}) before using it, which reports every missing or malformed variable at once.
   */
  public static NotifierConfig read(ConfigReader config) {
    EmailAdapter email = config.get(EMAIL_ADAPTER);
    SmsAdapter sms = config.get(SMS_ADAPTER);
    URI publicBaseUrl = config.get(PUBLIC_BASE_URL);
    return new NotifierConfig(
        DatabaseSettings.read(config),
        EventBusSettings.read(config),
        email,
        sms,
        email == EmailAdapter.SENDGRID
            ? Optional.of(SendGridSettings.read(config))
            : Optional.empty(),
        email == EmailAdapter.SMTP ? Optional.of(SmtpSettings.read(config)) : Optional.empty(),
        sms == SmsAdapter.TWILIO
            ? Optional.of(TwilioSettings.read(config, publicBaseUrl))
            : Optional.empty(),
        config.get(LOG_ADAPTER_PRINT_BODIES),
        EmailVerificationSettings.read(config, "to sign the link in the welcome email"),
        publicBaseUrl,
        ConsumerSettings.read(config));
  }

  /** Every setting {@link #read} may read, the shared ones included. */
  public static List<Setting<?>> settings() {
    return Setting.declaredIn(
        DatabaseSettings.class,
        EventBusSettings.class,
        EmailVerificationSettings.class,
        NotifierConfig.class,
        SendGridSettings.class,
        SmtpSettings.class,
        TwilioSettings.class,
        ConsumerSettings.class);
  }

  /** The exchange the events come from. */
  public String exchange() {
    return bus.exchange();
  }

  /** The HMAC key of the welcome email's verification token. */
  public String verificationSecret() {
    return verification.secret();
  }

  /** This configuration with {@code otherBus} (a role meters its connections so). */
  public NotifierConfig withBus(EventBusSettings otherBus) {
    return new NotifierConfig(
        database,
        otherBus,
        emailAdapter,
        smsAdapter,
        sendGrid,
        smtp,
        twilio,
        logAdapterPrintsBodies,
        verification,
        publicBaseUrl,
        consumer);
  }
}
