package dev.outbox.api.webhook;

import com.twilio.security.RequestValidator;
import dev.outbox.api.error.ApiProblem;
import dev.outbox.api.error.ProblemType;
import java.util.Map;
import java.util.Optional;

/**
 * Checks {@code X-Twilio-Signature} with the Twilio SDK's own {@link RequestValidator}: HMAC-SHA1,
 * keyed with the auth token, over the full URL Twilio requested (with its query string) followed by
 * the form parameters sorted by name, each name then value; base64.
 */
final class TwilioSignature {

  static final String HEADER = "X-Twilio-Signature";

  private final Optional<RequestValidator> validator;

  TwilioSignature(Optional<String> authToken) {
    this.validator = authToken.map(RequestValidator::new);
  }

  /** Returns when the signature verifies; otherwise throws the 401 or 403 to answer. */
  void check(String url, Map<String, String> form, String signature) {
    if (signature == null || signature.isBlank()) {
      throw new ApiProblem(ProblemType.SIGNATURE_MISSING, "The " + HEADER + " header is required");
    }
    if (validator.isEmpty()) {
      throw new ApiProblem(
          ProblemType.SIGNATURE_INVALID,
          "TWILIO_AUTH_TOKEN is not set, so no Twilio signature can be verified");
    }
    if (!validator.get().validate(url, form, signature.trim())) {
      throw new ApiProblem(
          ProblemType.SIGNATURE_INVALID,
          "The " + HEADER + " does not match this request for the configured auth token and URL");
    }
  }
}
