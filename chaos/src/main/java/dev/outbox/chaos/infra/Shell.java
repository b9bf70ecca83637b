package dev.outbox.chaos.infra;

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
 * Runs the service commands (initdb, pg_ctl, rabbitmq-server, rabbitmqctl) as the services' own
 * users, each bounded in time, output kept for the error message.
 */
public final class Shell {

  /** A finished command. */
  public record Result(List<String> command, int exit, String output) {
    public boolean ok() {
      return exit == 0;
    }

    /** This result, or an exception naming the command and its output. */
    public Result orThrow() {
      if (!ok()) {
        throw new IllegalStateException(
            String.join(" ", command) + " exited " + exit + ":\n" + output.strip());
      }
      return this;
    }
  }

  private final Path scratch;

  public Shell(Path scratch) {
    this.scratch = scratch;
  }

  /**
   * {@code command} as {@code user} with exactly {@code env} added (runuser as root, else sudo).
   */
  public static List<String> asUser(String user, Map<String, String> env, List<String> command) {
    List<String> full = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      full.addAll(List.of("runuser", "-u", user, "--", "env"));
    } else {
      full.addAll(List.of("sudo", "-n", "-u", user, "env"));
    }
    env.forEach((k, v) -> full.add(k + "=" + v));
    full.addAll(command);
    return full;
  }

  /** Runs {@code command}, killing it after {@code timeout} (exit -1). */
  public Result run(Duration timeout, List<String> command) {
    try {
      // output to a file, not a pipe: rabbitmq-server -detached leaves a daemon that inherits it
      Path out = Files.createTempFile(scratch, "cmd-", ".out");
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!done) {
        p.destroyForcibly().waitFor();
      }
      String output = Files.readString(out, StandardCharsets.UTF_8);
      Files.deleteIfExists(out);
      return new Result(command, done ? p.exitValue() : -1, output);
    } catch (IOException e) {
      return new Result(command, -2, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(command, -3, "interrupted");
    }
  }
}
