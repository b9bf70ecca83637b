package dev.outbox.config.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the service tools (openssl, initdb, pg_ctl, rabbitmq-server, rabbitmqctl, pgbench), each
 * bounded in time, as the service's own user when asked, with what they printed kept for the error
 * message. The one process runner of the places that start tools: the test fixtures ({@code
 * testing}), the chaos suite ({@code chaos}, main code, so it cannot use a test fixture module) and
 * the benchmark's load generator ({@code bench}); no role runs a process.
 */
public final class Commands {

  /** A finished command: its exit code (-1 when it was killed at its time limit) and output. */
  public record Result(List<String> command, int exit, String output) {

    public boolean ok() {
      return exit == 0;
    }

    /** This result, or an exception naming the command, its exit code and what it printed. */
    public Result orThrow() {
      if (!ok()) {
        throw new IllegalStateException(
            String.join(" ", command) + " exited " + exit + ":\n" + output.strip());
      }
      return this;
    }
  }

  private Commands() {}

  /** {@code command} run as {@code user} with exactly {@code env} added. */
  public static List<String> asUser(String user, Map<String, String> env, List<String> command) {
    List<String> full = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      full.addAll(List.of("runuser", "-u", user, "--", "env"));
    } else {
      full.addAll(List.of("sudo", "-n", "-u", user, "env"));
    }
    env.forEach((name, value) -> full.add(name + "=" + value));
    full.addAll(command);
    return full;
  }

  /** Runs {@code command}, killing it (and what it started) after {@code timeout}. */
  public static Result run(Duration timeout, List<String> command) {
    return run(timeout, Map.of(), command);
  }

  /**
   * As {@link #run(Duration, List)}, with {@code env} added to this process's environment (a
   * password passed so stays out of the process list).
   */
  public static Result run(Duration timeout, Map<String, String> env, List<String> command) {
    Path out = null;
    try {
      // A file, not a pipe: a daemon it leaves behind (rabbitmq-server -detached) inherits it.
      out = Files.createTempFile("outbox-command-", ".out");
      var builder = new ProcessBuilder(command);
      builder.environment().putAll(env);
      Process process = builder.redirectErrorStream(true).redirectOutput(out.toFile()).start();
      boolean done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!done) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      String output = Files.readString(out, StandardCharsets.UTF_8);
      return new Result(command, done ? process.exitValue() : -1, output);
    } catch (IOException e) {
      return new Result(command, -2, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(command, -3, "interrupted");
    } finally {
      deleteQuietly(out);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a temporary file left in /tmp is harmless
      }
    }
  }
}
