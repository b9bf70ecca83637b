package dev.outbox.core.domain;

/**
 * A value from outside (an email, a phone number, an amount, a quantity) that the domain refuses.
 * {@link #field()} names the input field in snake_case as it appears on the wire; {@link #reason()}
 * completes "the field ..." for the client ("must be an E.164 number such as +14155550100"). The
 * value objects own these rules and their reasons; adapters report them, they do not repeat them.
 */
public final class InvalidValue extends DomainException {

  private final String field;
  private final String reason;

  public InvalidValue(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  public InvalidValue(String field, String reason, Throwable cause) {
    super(field + ": " + reason, cause);
    this.field = field;
    this.reason = reason;
  }

  public String field() {
    return field;
  }

  /** Why the value is refused, without the field name. */
  public String reason() {
    return reason;
  }
}
