package dev.outbox.config;

/**
 * The key of the welcome email's verification token: the notifier signs links with it, the api
 * checks them, so separate processes must share it.
 */
public record EmailVerificationSettings(String secret) {

  /** HMAC keys shorter than this are guessable. */
  public static final int MIN_SECRET_LENGTH = 32;

  public static final Setting<String> SECRET =
      Setting.text("EMAIL_VERIFICATION_SECRET")
          .asSecret()
          .validatedBy(
              s -> s.length() >= MIN_SECRET_LENGTH,
              "must be at least " + MIN_SECRET_LENGTH + " characters long")
          .withDescription(
              "HMAC key of the welcome email's verification token, 32+ characters; required for"
                  + " separate api and notifier processes, generated per run by `all`")
          .readBy(Role.API, Role.NOTIFIER);

  /** The secret, which must be set; {@code why} completes "... is required". */
  public static EmailVerificationSettings read(ConfigReader config, String why) {
    return new EmailVerificationSettings(config.required(SECRET, why));
  }

  @Override
  public String toString() {
    return "EmailVerificationSettings[secret=" + Secrets.mask(secret) + "]";
  }
}
