package dev.outbox.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar app/target/outbox.jar <args>} as a child process with exactly the environment
 * given (nothing inherited but PATH), its stdout and stderr captured line by line into one text.
 */
final class JarProcess implements AutoCloseable {

  private final Process process;
  private final StringBuffer output = new StringBuffer();
  private final Thread reader;

  private JarProcess(Process process) {
    this.process = process;
    this.reader = new Thread(this::copy, "jar-output-" + process.pid());
    reader.start();
  }

  static JarProcess start(Map<String, String> env, String... args) throws IOException {
    Path jar = Repository.root().resolve("app/target/outbox.jar");
    if (!jar.toFile().exists()) {
      throw new AssertionError(jar + " is built by the package phase before the ITs");
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    String[] command = new String[args.length + 3];
    command[0] = java.toString();
    command[1] = "-jar";
    command[2] = jar.toString();
    System.arraycopy(args, 0, command, 3, args.length);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    String path = builder.environment().get("PATH");
    builder.environment().clear();
    builder.environment().put("PATH", path == null ? "/usr/bin:/bin" : path);
    builder.environment().putAll(env);
    return new JarProcess(builder.start());
  }

  /** Runs a command that exits by itself; returns its exit code. */
  static int run(Map<String, String> env, StringBuilder output, String... args) throws Exception {
    try (JarProcess jar = start(env, args)) {
      int code = jar.waitFor(Duration.ofSeconds(60));
      output.append(jar.output());
      return code;
    }
  }

  String output() {
    return output.toString();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM (Process.destroy() would also close our end of its output). */
  void terminate() {
    process.toHandle().destroy();
  }

  /** Waits for the exit and for the last line of its output; returns the exit code. */
  int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("still running after " + timeout + ":\n" + output);
    }
    reader.join(5_000);
    return process.exitValue();
  }

  private void copy() {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        output.append(line).append('\n');
      }
    } catch (IOException e) {
      output.append("(output closed: ").append(e.getMessage()).append(")\n");
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  /** The first line and the last 40 lines each process printed, for a failure's message. */
  static String lastLines(List<JarProcess> processes) {
    StringBuilder text = new StringBuilder();
    for (JarProcess process : processes) {
      List<String> lines = process.output().lines().toList();
      text.append("\n--- ").append(lines.isEmpty() ? "(no output)" : lines.get(0)).append('\n');
      lines
          .subList(Math.max(0, lines.size() - 40), lines.size())
          .forEach(line -> text.append(line).append('\n'));
    }
    return text.toString();
  }
}
