package dev.outbox.config.health;

/**
 * One named thing a readiness probe looks at (the database, the broker, a role). {@link #check()}
 * never throws: a failure is a {@link Check#down} that says what failed.
 */
public interface HealthCheck {

  String name();

  Check check();

  /**
   * Whether readiness needs this check up; false for a dependency that is only reported (the api's
   * broker: the outbox exists to take writes while the broker is away).
   */
  default boolean required() {
    return true;
  }

  /** A check named {@code name}, run by {@code check}. */
  static HealthCheck of(String name, java.util.function.Supplier<Check> check) {
    return new HealthCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Check check() {
        return check.get();
      }
    };
  }

  /** This check, shown in the body but not required for readiness. */
  default HealthCheck reportedOnly() {
    HealthCheck required = this;
    return new HealthCheck() {
      @Override
      public String name() {
        return required.name();
      }

      @Override
      public Check check() {
        return required.check();
      }

      @Override
      public boolean required() {
        return false;
      }
    };
  }
}
