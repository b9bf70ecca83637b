package dev.outbox.bench.contestant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The application's roles and commands as the README runs them: {@code java <options> -jar
 * app/target/outbox.jar <command>}, configured by the environment only. The relay and the notifier
 * are measured this way, through the same composition roots as in production.
 */
public final class OutboxJar {

  /** A migration of an empty database takes a few seconds; this bounds a stuck one. */
  private static final Duration MIGRATE_TIMEOUT = Duration.ofSeconds(120);

  private final Launch launch;

  public OutboxJar(Launch launch) {
    this.launch = launch;
  }

  /** The command line of {@code command} (e.g. {@code relay}) in a JVM with {@code javaOpts}. */
  public List<String> commandLine(List<String> javaOpts, String command) {
    if (!Files.isRegularFile(launch.outboxJar())) {
      throw new IllegalStateException(Launch.missingJar(launch.outboxJar()));
    }
    List<String> line = new ArrayList<>(List.of(launch.javaBin()));
    line.addAll(javaOpts);
    line.addAll(List.of("-jar", launch.outboxJar().toString(), command));
    return line;
  }

  /**
   * Runs {@code migrate} (core, relay and notifier schemas) with {@code env} and waits for it.
   *
   * @throws IOException when it fails or does not finish; its output is in {@code log}
   */
  public void migrate(Map<String, String> env, Path workDir, Path log)
      throws IOException, InterruptedException {
    try (ChildJvm jvm = ChildJvm.launch(commandLine(List.of(), "migrate"), env, workDir, log)) {
      int code = jvm.awaitExit(MIGRATE_TIMEOUT);
      if (code != 0) {
        throw new IOException("outbox.jar migrate exited " + code + "; see " + log);
      }
    }
  }
}
