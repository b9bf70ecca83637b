package dev.outbox.api.webhook;

import dev.outbox.api.error.ApiProblem;
import dev.outbox.api.error.ProblemType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks SendGrid's signed Event Webhook: an ECDSA (P-256, SHA-256) signature, base64 DER, over the
 * timestamp header followed by the raw body, as sendgrid-java's {@code EventWebhook} helper checks
 * it. That helper is not used because it asks for the BouncyCastle provider by name ("BC"), which
 * the JDK's own {@code SHA256withECDSA} makes unnecessary. A timestamp further than {@code maxAge}
 * from this clock is refused, so a captured request cannot be replayed later.
 */
final class SendGridSignature {

  static final String SIGNATURE_HEADER = "X-Twilio-Email-Event-Webhook-Signature";
  static final String TIMESTAMP_HEADER = "X-Twilio-Email-Event-Webhook-Timestamp";

  private final Optional<ECPublicKey> key;
  private final Duration maxAge;
  private final Clock clock;

  SendGridSignature(Optional<ECPublicKey> key, Duration maxAge, Clock clock) {
    this.key = key;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  /** Whether events must be signed (SENDGRID_WEBHOOK_PUBLIC_KEY is set). */
  boolean required() {
    return key.isPresent();
  }

  /** Returns when the request verifies or no key is configured; otherwise throws 401 or 403. */
  void check(String signature, String timestamp, byte[] body) {
    if (key.isEmpty()) {
      return;
    }
    if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
      throw new ApiProblem(
          ProblemType.SIGNATURE_MISSING,
          "The " + SIGNATURE_HEADER + " and " + TIMESTAMP_HEADER + " headers are required");
    }
    requireRecent(timestamp.trim());
    if (!verifies(signature.trim(), timestamp.trim(), body)) {
      throw new ApiProblem(
          ProblemType.SIGNATURE_INVALID,
          "The " + SIGNATURE_HEADER + " does not verify for this timestamp and body");
    }
  }

  private void requireRecent(String timestamp) {
    Instant signedAt;
    try {
      signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      throw new ApiProblem(
          ProblemType.SIGNATURE_INVALID, "The " + TIMESTAMP_HEADER + " is not Unix seconds");
    }
    if (Duration.between(signedAt, clock.instant()).abs().compareTo(maxAge) > 0) {
      throw new ApiProblem(
          ProblemType.SIGNATURE_INVALID,
          "The " + TIMESTAMP_HEADER + " is more than " + maxAge + " away from the server's clock");
    }
  }

  private boolean verifies(String signature, String timestamp, byte[] body) {
    try {
      Signature ecdsa = Signature.getInstance("SHA256withECDSA");
      ecdsa.initVerify(key.orElseThrow());
      ecdsa.update(timestamp.getBytes(StandardCharsets.UTF_8));
      ecdsa.update(body);
      return ecdsa.verify(Base64.getDecoder().decode(signature));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      // Not base64, or not a DER signature: as forged as a wrong one.
      return false;
    }
  }
}
