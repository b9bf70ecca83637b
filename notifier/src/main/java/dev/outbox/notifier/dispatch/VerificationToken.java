package dev.outbox.notifier.dispatch;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The email-verification token of docs/events.md: {@code expiry + "." +
 * base64url_nopad(HMAC_SHA256(secret, user_id + "|" + email + "|" + expiry))}, expiry in epoch
 * seconds. The api checks it with the same secret; nothing secret is stored or logged.
 */
public final class VerificationToken {

  private final byte[] secret;

  public VerificationToken(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("EMAIL_VERIFICATION_SECRET is required");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  /** The token for {@code userId} and {@code email} that expires at {@code expiry}. */
  public String issue(UUID userId, String email, Instant expiry) {
    long seconds = expiry.getEpochSecond();
    String message = userId + "|" + email.toLowerCase(Locale.ROOT) + "|" + seconds;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] signature = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
      return seconds + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
    }
  }
}
