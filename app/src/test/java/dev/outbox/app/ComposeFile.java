package dev.outbox.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A compose file as Docker Compose itself resolves it: {@code docker-compose config} (Debian's
 * docker-compose 1.29.2, installed by scripts/test-tools; it needs no Docker engine) validates the
 * file and prints it normalized (anchors merged, two-space indents), which this class reads.
 */
final class ComposeFile {

  /**
   * One service of the resolved file.
   *
   * @param healthcheck the healthcheck's test, e.g. {@code [CMD, bash, /app/http-check, ...]}, or
   *     empty
   * @param stopGracePeriod e.g. {@code 30s} or {@code 1m15s}; null when unset (Docker's 10 s)
   */
  record Service(
      String name,
      String image,
      List<String> command,
      Map<String, String> environment,
      List<String> healthcheck,
      String stopGracePeriod) {}

  private ComposeFile() {}

  /** Runs the parser; throws with its stderr when the file is invalid. */
  static String config(String file, String... flags) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("docker-compose", "-f", file, "config"));
    command.addAll(List.of(flags));
    Process process;
    try {
      process = new ProcessBuilder(command).directory(Repository.root().toFile()).start();
    } catch (IOException e) {
      throw new AssertionError(
          "docker-compose (the compose file parser) is not installed: run scripts/test-tools,"
              + " which installs Debian's docker-compose",
          e);
    }
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("docker-compose -f " + file + " config failed:\n" + err);
    }
    return out;
  }

  /** The services of the normalized output of {@link #config}. */
  static Map<String, Service> services(String normalized) {
    Map<String, Service> services = new LinkedHashMap<>();
    String section = "";
    Parsed current = null;
    for (String line : normalized.split("\n")) {
      if (!line.startsWith(" ")) {
        section = line;
        continue;
      }
      if (!section.equals("services:")) {
        continue;
      }
      if (line.matches("  [a-z0-9_-]+:")) {
        if (current != null) {
          services.put(current.name, current.service());
        }
        current = new Parsed(line.strip().replace(":", ""));
      } else if (current != null) {
        current.line(line);
      }
    }
    if (current != null) {
      services.put(current.name, current.service());
    }
    return services;
  }

  /** One service's lines, read one after the other. */
  private static final class Parsed {
    final String name;
    String key;
    String subKey;
    String image;
    String stopGracePeriod;
    final List<String> command = new ArrayList<>();
    final Map<String, String> environment = new LinkedHashMap<>();
    final List<String> healthcheck = new ArrayList<>();

    Parsed(String name) {
      this.name = name;
    }

    void line(String line) {
      if (line.matches("    [a-z_]+:.*")) {
        key = line.strip().split(":", 2)[0];
        subKey = null;
        String value = line.split(":", 2)[1].strip();
        if (key.equals("image")) {
          image = value;
        } else if (key.equals("stop_grace_period")) {
          stopGracePeriod = value;
        }
      } else if ("command".equals(key) && line.startsWith("    - ")) {
        command.add(unquoted(line.substring(6)));
      } else if ("environment".equals(key) && line.matches("      [A-Z][A-Z0-9_]*:.*")) {
        String[] pair = line.strip().split(":", 2);
        environment.put(pair[0], unquoted(pair[1]));
      } else if ("healthcheck".equals(key) && line.matches("      [a-z_]+:.*")) {
        subKey = line.strip().split(":", 2)[0];
      } else if ("healthcheck".equals(key)
          && "test".equals(subKey)
          && line.startsWith("      - ")) {
        healthcheck.add(unquoted(line.substring(8)));
      }
    }

    Service service() {
      return new Service(name, image, command, environment, healthcheck, stopGracePeriod);
    }

    private static String unquoted(String value) {
      return value.strip().replaceAll("^'(.*)'$", "$1");
    }
  }
}
