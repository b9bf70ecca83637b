package dev.outbox.config;

import java.util.List;

/**
 * The configuration (or the env file) cannot be used. Carries every problem found, each naming its
 * variable, so that an operator fixes them in one go; never carries a secret's value.
 */
public final class ConfigException extends RuntimeException {

  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public ConfigException(String problem, Throwable cause) {
    super(problem, cause);
    this.problems = List.of(problem);
  }

  /** Each problem, one per variable, in the order they were read. */
  public List<String> problems() {
    return problems;
  }
}
