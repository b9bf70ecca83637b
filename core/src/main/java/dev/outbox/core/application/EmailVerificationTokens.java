package dev.outbox.core.application;

import dev.outbox.core.domain.user.Email;
import dev.outbox.core.domain.user.InvalidVerificationToken;
import dev.outbox.core.domain.user.UserId;
import dev.outbox.core.domain.user.VerificationTokenExpired;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks the token of the welcome email's verification link (docs/events.md): {@code
 * expiry + "." + base64url_nopad(HMAC_SHA256(secret, user_id + "|" + email + "|" + expiry))}, valid
 * 48 hours. Nothing is stored: the token proves by itself that its bearer read the email. The
 * secret never leaves this object.
 */
public final class EmailVerificationTokens {

  public static final Duration VALIDITY = Duration.ofHours(48);

  private final SecretKeySpec key;
  private final Clock clock;

  public EmailVerificationTokens(String secret, Clock clock) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("EMAIL_VERIFICATION_SECRET is required");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = clock;
  }

  /** A token for this user and email, valid {@link #VALIDITY} from now. */
  public String issue(UserId userId, Email email) {
    return issue(userId, email, clock.instant().plus(VALIDITY).getEpochSecond());
  }

  /** A token that expires at {@code expiryEpochSeconds}. */
  public String issue(UserId userId, Email email, long expiryEpochSeconds) {
    return expiryEpochSeconds + "." + encode(mac(userId, email, expiryEpochSeconds));
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
    return "EmailVerificationTokens[validity=" + VALIDITY + "]";
  }
}
