package dev.outbox.api.error;

import java.util.Objects;

/**
 * One bad field of a request: {@code field} is a JSON-pointer-like path into the body ({@code
 * email}, {@code items[2].quantity}), a header ({@code header:Idempotency-Key}) or a query
 * parameter ({@code query:token}).
 */
public record FieldError(String field, String message) {

  public FieldError {
    Objects.requireNonNull(field, "field is required");
    Objects.requireNonNull(message, "message is required");
  }
}
