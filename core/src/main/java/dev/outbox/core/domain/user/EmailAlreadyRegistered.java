package dev.outbox.core.domain.user;

import dev.outbox.core.domain.DomainException;

/** Another user already registered this email address (compared lower-cased). */
public final class EmailAlreadyRegistered extends DomainException {

  private final Email email;

  public EmailAlreadyRegistered(Email email) {
    super("Email " + email + " is already registered");
    this.email = email;
  }

  public EmailAlreadyRegistered(Email email, Throwable cause) {
    super("Email " + email + " is already registered", cause);
    this.email = email;
  }

  public Email email() {
    return email;
  }
}
