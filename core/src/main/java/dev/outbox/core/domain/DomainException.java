package dev.outbox.core.domain;

/**
 * Base of every expected business refusal (unknown id, duplicate, illegal transition, invalid
 * input). Unchecked; adapters map subclasses to their protocol in one place (the api maps them to
 * 4xx problem responses). A broken programming invariant is never a DomainException.
 */
public abstract class DomainException extends RuntimeException {

  protected DomainException(String message) {
    super(message);
  }

  protected DomainException(String message, Throwable cause) {
    super(message, cause);
  }
}
