package dev.outbox.chaos.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** One incarnation of {@code java -jar outbox.jar <role>}: its process and its log file. */
public final class RoleProcess {

  private final String incarnation;
  private final Process process;
  private final Path log;

  RoleProcess(String incarnation, Process process, Path log) {
    this.incarnation = incarnation;
    this.process = process;
    this.log = log;
  }

  /** e.g. {@code relay-a#2}: the second process of the member relay-a. */
  public String incarnation() {
    return incarnation;
  }

  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.isAlive();
  }

  public String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** Waits until the log shows {@code marker}; fails at once if the process exits first. */
  public void awaitOutput(String marker, Duration atMost) {
    Awaitility.await(incarnation + " printing '" + marker + "' (log: " + log + ")")
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              if (!process.isAlive() && !output().contains(marker)) {
                throw new IllegalStateException(
                    incarnation + " exited " + process.exitValue() + " before '" + marker + "'");
              }
              return output().contains(marker);
            });
  }

  /** SIGKILL; returns once the process is gone, with the instant the signal was sent. */
  public Instant kill() throws InterruptedException {
    Instant at = Instant.now();
    process.destroyForcibly();
    process.waitFor();
    return at;
  }

  /** Waits for the process to end by itself, SIGKILLing it after {@code atMost}; its exit code. */
  public int awaitExit(Duration atMost) throws InterruptedException {
    if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
    }
    return process.waitFor();
  }

  /** SIGTERM, then SIGKILL after {@code grace}; the exit code (137 after the SIGKILL). */
  public int stop(Duration grace) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
    }
    return process.waitFor();
  }
}
