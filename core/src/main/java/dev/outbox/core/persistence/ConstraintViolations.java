package dev.outbox.core.persistence;

import org.hibernate.exception.ConstraintViolationException;

/** Finds a violated constraint's name in a Hibernate exception, however the session wrapped it. */
final class ConstraintViolations {

  private ConstraintViolations() {}

  static boolean violated(Throwable failure, String constraint) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConstraintViolationException violation
          && constraint.equalsIgnoreCase(violation.getConstraintName())) {
        return true;
      }
    }
    return false;
  }
}
