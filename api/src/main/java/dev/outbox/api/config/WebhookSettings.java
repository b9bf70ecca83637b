package dev.outbox.api.config;

import dev.outbox.config.ConfigReader;
import dev.outbox.config.ProviderCallbackSettings;
import dev.outbox.config.Role;
import dev.outbox.config.Secrets;
import dev.outbox.config.Setting;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * What the provider webhooks check: Twilio signs with the account's auth token over the public URL
 * it was given ({@code PUBLIC_BASE_URL}, shared with the notifier); SendGrid's signed Event Webhook
 * with the ECDSA key pair whose public half its settings page shows.
 *
 * @param twilioAuthToken empty when unset: every Twilio callback is refused (403)
 * @param sendGridPublicKey empty when unset: SendGrid's events are taken unsigned
 */
public record WebhookSettings(
    URI publicBaseUrl,
    Optional<String> twilioAuthToken,
    Optional<ECPublicKey> sendGridPublicKey,
    Duration sendGridMaxAge) {

  public static final Setting<ECPublicKey> SENDGRID_WEBHOOK_PUBLIC_KEY =
      Setting.custom("SENDGRID_WEBHOOK_PUBLIC_KEY", WebhookSettings::publicKey)
          .withDescription(
              "verification key of SendGrid's signed Event Webhook (base64, as SendGrid shows"
                  + " it); unset: /webhooks/sendgrid/events takes unsigned events")
          .readBy(Role.API);

  public static final Setting<Duration> SENDGRID_WEBHOOK_MAX_AGE =
      Setting.duration("SENDGRID_WEBHOOK_MAX_AGE")
          .validatedBy(d -> !d.isNegative() && !d.isZero(), "must be positive")
          .withDefault("10m")
          .withDescription(
              "signed SendGrid events whose timestamp is further than this from the api's clock"
                  + " are refused (replays)")
          .readBy(Role.API);

  static WebhookSettings read(ConfigReader config) {
    return new WebhookSettings(
        config.get(ProviderCallbackSettings.PUBLIC_BASE_URL),
        config.optional(ProviderCallbackSettings.TWILIO_AUTH_TOKEN),
        config.optional(SENDGRID_WEBHOOK_PUBLIC_KEY),
        config.get(SENDGRID_WEBHOOK_MAX_AGE));
  }

  /** The URL Twilio requests, and signs, for a path of the api. */
  public String publicUrl(String path) {
    return ProviderCallbackSettings.trimmed(publicBaseUrl) + path;
  }

  private static ECPublicKey publicKey(String text) {
    String base64 = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException(
          "must be a base64 EC public key (X.509, as SendGrid shows)");
    }
  }

  @Override
  public String toString() {
    return "WebhookSettings[publicBaseUrl="
        + publicBaseUrl
        + ", twilioAuthToken="
        + twilioAuthToken.map(Secrets::mask).orElse("unset")
        + ", sendGridPublicKey="
        + (sendGridPublicKey.isPresent() ? "set" : "unset")
        + ", sendGridMaxAge="
        + sendGridMaxAge
        + "]";
  }
}
