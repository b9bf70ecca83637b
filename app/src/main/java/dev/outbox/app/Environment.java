package dev.outbox.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The variables a command reads: the process environment over the optional {@code --env-file}.
 *
 * <p>The real environment wins over the file, as with Docker Compose's {@code env_file} and the
 * usual dotenv loaders: the file holds a machine's standing settings, while a variable set on the
 * command line ({@code HTTP_PORT=9090 outbox all --env-file .env}) is the operator's intent for
 * this one run, and orchestrators inject secrets through the environment.
 */
final class Environment {

  private Environment() {}

  static Map<String, String> resolve(Map<String, String> processEnv, Path envFile) {
    Map<String, String> merged = new HashMap<>();
    if (envFile != null) {
      merged.putAll(EnvFile.read(envFile));
    }
    merged.putAll(processEnv);
    return Map.copyOf(merged);
  }
}
