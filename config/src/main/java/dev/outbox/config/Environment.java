package dev.outbox.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The variables a process reads: the process environment over the optional env file. The only place
 * main code turns to {@link System#getenv()}.
 *
 * <p>The real environment wins over the file, as with Docker Compose's {@code env_file} and the
 * usual dotenv loaders: the file holds a machine's standing settings, while a variable set on the
 * command line ({@code HTTP_PORT=9090 outbox all --env-file .env}) is the operator's intent for
 * this one run, and orchestrators inject secrets through the environment.
 *
 * <p>A blank value is the same as an absent one, for every variable and every role: {@code
 * DATABASE_URL=} means "use the default", as {@code .env.example}'s empty lines suggest.
 */
public final class Environment {

  private final Map<String, String> variables;

  private Environment(Map<String, String> variables) {
    this.variables = Map.copyOf(variables);
  }

  /** The process's own environment. */
  public static Environment system() {
    return new Environment(System.getenv());
  }

  /** The process's environment over {@code envFile} (none when {@code null}). */
  public static Environment system(Path envFile) {
    return of(System.getenv(), envFile);
  }

  /** {@code variables} over {@code envFile} (none when {@code null}). */
  public static Environment of(Map<String, String> variables, Path envFile) {
    Map<String, String> merged = new HashMap<>();
    if (envFile != null) {
      merged.putAll(EnvFile.read(envFile));
    }
    merged.putAll(variables);
    return new Environment(merged);
  }

  /** Exactly {@code variables} (tests, child processes). */
  public static Environment of(Map<String, String> variables) {
    return new Environment(variables);
  }

  /** The trimmed value of {@code name}; empty when unset or blank. */
  public Optional<String> value(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /**
   * This environment with {@code name} set to {@code value} (a generated secret, a test's port).
   */
  public Environment with(String name, String value) {
    Map<String, String> copy = new HashMap<>(variables);
    copy.put(name, value);
    return new Environment(copy);
  }

  /** Every variable, for handing on to a child process. */
  public Map<String, String> asMap() {
    return variables;
  }
}
