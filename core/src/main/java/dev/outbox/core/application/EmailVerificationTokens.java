package dev.outbox.core.application;

import dev.outbox.core.domain.user.Email;
import dev.outbox.core.domain.user.InvalidVerificationToken;
import dev.outbox.core.domain.user.UserId;
import dev.outbox.core.domain.user.VerificationTokenExpired;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the token of the welcome email's verification link (docs/events.md): {@code expiry + "." +
 * base64url_nopad(HMAC_SHA256(secret, user_id + "|" + email + "|" + expiry))}. Nothing is stored:
 * the token proves by itself that its bearer read the email, and it carries its own expiry, so
 * checking needs no lifetime. How long a link stays valid is decided once, by the notifier that
 * sends it (48 h, {@code Notifications.VERIFICATION_VALIDITY}). The secret never leaves this
 * object.
 */
public final class EmailVerificationTokens {

  private final SecretKeySpec key;
  private final Clock clock;

  public EmailVerificationTokens(String secret, Clock clock) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("EMAIL_VERIFICATION_SECRET is required");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = clock;
  }

  /**
   * The token for this user and email that expires at {@code expiry} (whole seconds): what the
   * notifier puts in the link, for tests and tools that need one.
   */
  public String issue(UserId userId, Email email, Instant expiry) {
    long seconds = expiry.getEpochSecond();
    return seconds + "." + encode(mac(userId, email, seconds));
  }

  /**
   * Checks a token in constant time.
   *
   * @throws InvalidVerificationToken when it is malformed or not issued for this user and email
   * @throws VerificationTokenExpired when it is authentic but its expiry has passed
   */
  public void verify(UserId userId, Email email, String token) {
    int dot = token == null ? -1 : token.indexOf('.');
    if (dot < 1 || dot > 19) {
      throw new InvalidVerificationToken(userId);
    }
    long expiry;
    byte[] presented;
    try {
      expiry = Long.parseLong(token.substring(0, dot));
      presented = Base64.getUrlDecoder().decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw new InvalidVerificationToken(userId);
    }
    if (!MessageDigest.isEqual(mac(userId, email, expiry), presented)) {
      throw new InvalidVerificationToken(userId);
    }
    // Checked after the signature, so an expired answer never leaks for a forged token.
    if (clock.instant().getEpochSecond() >= expiry) {
      throw new VerificationTokenExpired(userId, Instant.ofEpochSecond(expiry));
    }
  }

  private byte[] mac(UserId userId, Email email, long expiry) {
    String message = userId.value() + "|" + email.value() + "|" + expiry;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
    }
  }

  private static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public String toString() {
    return "EmailVerificationTokens[HmacSHA256]";
  }
}
