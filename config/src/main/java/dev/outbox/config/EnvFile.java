package dev.outbox.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an env file in the format of {@code .env.example} and Docker Compose's {@code env_file}:
 * {@code NAME=value} per line, blank lines and {@code #} comments ignored, an optional {@code
 * export } prefix, and one pair of matching quotes around the value stripped. No interpolation.
 */
final class EnvFile {

  private static final Pattern LINE =
      Pattern.compile("(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*)");

  private EnvFile() {}

  /**
   * The variables of {@code file}.
   *
   * @throws ConfigException when the file is missing or a line is not {@code NAME=value}
   */
  static Map<String, String> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException("--env-file " + file + " does not exist", e);
    } catch (IOException e) {
      throw new ConfigException("--env-file " + file + " cannot be read: " + e.getMessage(), e);
    }
    Map<String, String> variables = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        // The line itself stays out of the message: it may hold a secret.
        throw new ConfigException(
            List.of("--env-file " + file + " line " + (i + 1) + " is not NAME=value"));
      }
      variables.put(m.group(1), unquote(m.group(2).strip()));
    }
    return variables;
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && (value.startsWith("\"") && value.endsWith("\"")
            || value.startsWith("'") && value.endsWith("'"))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }
}
