package dev.outbox.api.error;

/**
 * The kinds of problem the api reports, each with its status and a stable {@code type} URI that
 * clients can switch on. Plain HTTP failures use {@code about:blank} as RFC 9457 recommends.
 */
public enum ProblemType {
  INVALID_REQUEST("urn:outbox:problem:invalid-request", 400, "The request is invalid"),
  MALFORMED_JSON("urn:outbox:problem:malformed-json", 400, "The body is not valid JSON"),
  INVALID_VERIFICATION_TOKEN(
      "urn:outbox:problem:invalid-verification-token",
      403,
      "The email verification token was not issued for this user"),
  VERIFICATION_TOKEN_EXPIRED(
      "urn:outbox:problem:verification-token-expired",
      403,
      "The email verification token has expired"),
  UNAUTHORIZED("about:blank", 401, "Unauthorized"),
  SIGNATURE_MISSING(
      "urn:outbox:problem:signature-missing", 401, "The provider's request signature is missing"),
  SIGNATURE_INVALID(
      "urn:outbox:problem:signature-invalid",
      403,
      "The provider's request signature does not verify"),
  NOT_FOUND("about:blank", 404, "Not Found"),
  RESOURCE_NOT_FOUND("urn:outbox:problem:not-found", 404, "The resource does not exist"),
  METHOD_NOT_ALLOWED("about:blank", 405, "Method Not Allowed"),
  CONFLICT("urn:outbox:problem:conflict", 409, "The request conflicts with the current state"),
  CONTENT_TOO_LARGE("about:blank", 413, "Content Too Large"),
  UNSUPPORTED_MEDIA_TYPE("about:blank", 415, "Unsupported Media Type"),
  BUSINESS_RULE("urn:outbox:problem:business-rule", 422, "The request breaks a business rule"),
  IDEMPOTENCY_KEY_REUSED(
      "urn:outbox:problem:idempotency-key-reused",
      422,
      "The Idempotency-Key was already used with a different request"),
  SERVICE_UNAVAILABLE("about:blank", 503, "Service Unavailable"),
  INTERNAL_ERROR("about:blank", 500, "Internal Server Error");

  private final String uri;
  private final int status;
  private final String title;

  ProblemType(String uri, int status, String title) {
    this.uri = uri;
    this.status = status;
    this.title = title;
  }

  public String uri() {
    return uri;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
