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

  /** One service of the resolved file. */
  record Service(
      String name, String image, List<String> command, Map<String, String> environment) {}

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
    String name = null;
    String key = null;
    String image = null;
    List<String> command = new ArrayList<>();
    Map<String, String> environment = new LinkedHashMap<>();
    for (String line : normalized.split("\n")) {
      if (!line.startsWith(" ")) {
        section = line;
        continue;
      }
      if (!section.equals("services:")) {
        continue;
      }
      if (line.matches("  [a-z0-9_-]+:")) {
        if (name != null) {
          services.put(name, new Service(name, image, command, environment));
        }
        name = line.strip().replace(":", "");
        image = null;
        command = new ArrayList<>();
        environment = new LinkedHashMap<>();
      } else if (line.matches("    [a-z_]+:.*")) {
        key = line.strip().split(":", 2)[0];
        if (key.equals("image")) {
          image = line.split(":", 2)[1].strip();
        }
      } else if ("command".equals(key) && line.startsWith("    - ")) {
        command.add(line.substring(6).strip());
      } else if ("environment".equals(key) && line.matches("      [A-Z][A-Z0-9_]*:.*")) {
        String[] pair = line.strip().split(":", 2);
        environment.put(pair[0], pair[1].strip().replaceAll("^'(.*)'$", "$1"));
      }
    }
    if (name != null) {
      services.put(name, new Service(name, image, command, environment));
    }
    return services;
  }
}
