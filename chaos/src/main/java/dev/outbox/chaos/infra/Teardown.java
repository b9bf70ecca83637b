package dev.outbox.chaos.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A shell script of what must be stopped if this JVM dies before its own teardown (a hard kill by
 * scripts/chaos's time limit): every process and service the run starts appends a line that stops
 * it and does nothing when it is already gone. scripts/chaos runs it on exit; a run that tore down
 * cleanly deletes it.
 */
public final class Teardown {

  private final Path script;

  Teardown(Path script) throws IOException {
    this.script = script;
    Files.writeString(script, "#!/bin/sh\n# written by the chaos suite; run by scripts/chaos\n");
  }

  /** Adds a line that SIGKILLs {@code pid} if it is still a process running {@code marker}. */
  public void killProcess(long pid, String marker) {
    add(
        "grep -q '"
            + marker
            + "' /proc/"
            + pid
            + "/cmdline 2>/dev/null && kill -9 "
            + pid
            + " 2>/dev/null");
  }

  /** Adds {@code command}, each argument quoted for the shell. */
  public void addCommand(List<String> command) {
    add(command.stream().map(Teardown::quote).collect(Collectors.joining(" ")));
  }

  static String quote(String arg) {
    return "'" + arg.replace("'", "'\\''") + "'";
  }

  private synchronized void add(String line) {
    try {
      Files.writeString(
          script, line + " || true\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything stopped as it should: nothing left for the script. */
  public void done() throws IOException {
    Files.deleteIfExists(script);
  }
}
