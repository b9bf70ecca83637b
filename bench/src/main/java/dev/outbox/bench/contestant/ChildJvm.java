package dev.outbox.bench.contestant;

import dev.outbox.bench.load.Clocks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A contestant's process: its output goes to a log file the harness can search, its pid is the JVM
 * itself (so /proc tells its CPU time and resident memory), and it is always stopped: SIGTERM
 * first, SIGKILL after a bounded wait, and a shutdown hook in case the harness dies first.
 */
public final class ChildJvm implements AutoCloseable {

  private final Process process;
  private final Path log;
  private final long launchedUs;
  private final Thread killer;

  private ChildJvm(Process process, Path log, long launchedUs) {
    this.process = process;
    this.log = log;
    this.launchedUs = launchedUs;
    this.killer = new Thread(process::destroyForcibly, "kill-" + process.pid());
    Runtime.getRuntime().addShutdownHook(killer);
  }

  /**
   * Starts {@code command} in {@code workDir} with the harness's environment plus {@code env}. A
   * variable set here replaces its {@code _FILE} form the harness may have (a secret read from a
   * file), which the child would otherwise see next to it and refuse.
   */
  public static ChildJvm launch(
      List<String> command, Map<String, String> env, Path workDir, Path log) throws IOException {
    Files.createDirectories(workDir);
    Files.createDirectories(log.getParent());
    var builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    env.keySet().forEach(name -> builder.environment().remove(name + "_FILE"));
    builder.environment().putAll(env);
    long launchedUs = Clocks.nowMicros();
    return new ChildJvm(builder.start(), log, launchedUs);
  }

  public long pid() {
    return process.pid();
  }

  public long launchedUs() {
    return launchedUs;
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Waits for a process that ends by itself (a command rather than a role).
   *
   * @return its exit code
   * @throws IOException when it is still running after {@code timeout}
   */
  public int awaitExit(Duration timeout) throws IOException, InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IOException(
          "still running after " + timeout.toSeconds() + " s (stopped now); see " + log);
    }
    return process.exitValue();
  }

  /** SIGTERM, then SIGKILL if it has not exited within 20 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    Runtime.getRuntime().removeShutdownHook(killer);
  }
}
