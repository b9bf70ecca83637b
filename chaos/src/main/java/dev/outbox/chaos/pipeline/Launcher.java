package dev.outbox.chaos.pipeline;

import dev.outbox.chaos.infra.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Starts role processes exactly as an operator would: {@code java <options> -jar outbox.jar
 * <role>}, with a clean environment (PATH, HOME, LANG and JAVA_HOME from the suite, the rest only
 * what the role is given), output to a log file per incarnation.
 */
public final class Launcher {

  private static final List<String> INHERITED = List.of("PATH", "HOME", "LANG", "JAVA_HOME", "TZ");

  private final Path java;
  private final Path jar;
  private final Function<String, List<String>> jvmOptions;
  private final Workspace workspace;

  /**
   * @param jvmOptions the JVM options of each role (relays get the ones they ship with)
   */
  public Launcher(
      Path java, Path jar, Function<String, List<String>> jvmOptions, Workspace workspace) {
    this.java = java;
    this.jar = jar;
    this.jvmOptions = jvmOptions;
    this.workspace = workspace;
  }

  /** Starts {@code role} (with extra arguments) as {@code incarnation}. */
  public RoleProcess start(String incarnation, Map<String, String> env, String role, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmOptions.apply(role));
    command.addAll(List.of("-jar", jar.toString(), role));
    command.addAll(List.of(args));
    Path log = workspace.log(incarnation);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().retainAll(INHERITED);
    environment.putAll(env);
    Process process = builder.start();
    workspace.teardown().killProcess(process.pid(), jar.getFileName().toString());
    return new RoleProcess(incarnation, process, log);
  }

  /** Runs a command of the jar to its end (e.g. migrate); its exit code. */
  public int run(String name, Map<String, String> env, Duration atMost, String... args)
      throws IOException, InterruptedException {
    RoleProcess command = start(name, env, args[0], Arrays.copyOfRange(args, 1, args.length));
    return command.awaitExit(atMost);
  }
}
