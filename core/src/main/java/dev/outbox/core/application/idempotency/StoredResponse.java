package dev.outbox.core.application.idempotency;

import java.util.Objects;

/** The HTTP answer first given for an idempotency key, replayed for every retry with that key. */
public record StoredResponse(int status, String body) {

  public StoredResponse {
    Objects.requireNonNull(body, "body is required");
  }
}
