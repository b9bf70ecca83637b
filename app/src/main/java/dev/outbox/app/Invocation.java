package dev.outbox.app;

import dev.outbox.config.ConfigException;
import dev.outbox.config.Environment;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * One run of the command line: the process environment, where output goes, the stop signal, and the
 * {@code --env-file} the user gave (wherever on the line). Commands read their settings here.
 */
final class Invocation {

  private final Map<String, String> processEnv;
  private PrintStream out;
  private PrintStream err;
  private final StopSignal stop;
  private Path envFile;

  Invocation(Map<String, String> processEnv, PrintStream out, PrintStream err, StopSignal stop) {
    this.processEnv = Map.copyOf(processEnv);
    this.out = out;
    this.err = err;
    this.stop = stop;
  }

  void envFile(Path path) {
    this.envFile = path;
  }

  /**
   * @throws ConfigException when the env file is missing or malformed
   */
  Settings settings() {
    return new Settings(Environment.of(processEnv, envFile));
  }

  /**
   * From now on, what the command prints goes to the log as one event per line (LOG_FORMAT=json).
   */
  void printToLog() {
    out = LogOutput.lines(false);
    err = LogOutput.lines(true);
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  StopSignal stop() {
    return stop;
  }
}
