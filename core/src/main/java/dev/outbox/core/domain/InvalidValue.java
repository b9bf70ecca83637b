package dev.outbox.core.domain;

/**
 * A value from outside (an email, a phone number, an amount, a quantity) that the domain refuses.
 * {@link #field()} names the input field in snake_case as it appears on the wire.
 */
public final class InvalidValue extends DomainException {

  private final String field;

  public InvalidValue(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
  }

  public InvalidValue(String field, String reason, Throwable cause) {
    super(field + ": " + reason, cause);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
