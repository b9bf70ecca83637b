package dev.outbox.chaos.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A shell script of what must be stopped if this JVM dies before its own teardown (a hard kill by
 * scripts/chaos's time limit): every process and service the run starts adds a line that stops it
 * and does nothing when it is already gone (run in reverse order), and the last line removes the
 * temporary data directory. scripts/chaos runs it on exit; a run that tore down cleanly deletes it.
 */
public final class Teardown {

  private static final String HEADER =
      "#!/bin/sh\n# written by the chaos suite; run by scripts/chaos\n";

  private final Path script;
  private final Path data;
  private final List<String> lines = new ArrayList<>();

  Teardown(Path script, Path data) {
    this.script = script;
    this.data = data;
    write();
  }

  /** Adds a line that SIGKILLs {@code pid} if it is still a process running {@code marker}. */
  public void killProcess(long pid, String marker) {
    add("grep -q '" + marker + "' /proc/" + pid + "/cmdline 2>/dev/null && kill -9 " + pid);
  }

  /** Adds {@code command}, each argument quoted for the shell. */
  public void addCommand(List<String> command) {
    add(command.stream().map(Teardown::quote).collect(Collectors.joining(" ")));
  }

  static String quote(String arg) {
    return "'" + arg.replace("'", "'\\''") + "'";
  }

  private synchronized void add(String line) {
    lines.add(line + " || true");
    write();
  }

  // rewritten whole each time: the lines in reverse order of their start (processes before the
  // services they use), removing the data directory last
  private synchronized void write() {
    List<String> reversed = new ArrayList<>(lines);
    Collections.reverse(reversed);
    String body =
        HEADER
            + reversed.stream().map(l -> l + "\n").collect(Collectors.joining())
            + "rm -rf "
            + quote(data.toString())
            + "\n";
    try {
      Files.writeString(script, body, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything stopped as it should: nothing left for the script. */
  public void done() throws IOException {
    Files.deleteIfExists(script);
  }
}
