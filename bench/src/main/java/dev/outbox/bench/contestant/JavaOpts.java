package dev.outbox.bench.contestant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a JAVA_OPTS-style string on blanks (no quoting: the bench's options need none) and expands
 * {@code @file} arguments the way the java launcher does (one or more options a line, {@code #}
 * starts a comment), so the report shows the options a contestant really ran with.
 */
public final class JavaOpts {

  private JavaOpts() {}

  public static List<String> split(String opts) {
    List<String> result = new ArrayList<>();
    for (String token : words(opts)) {
      if (token.startsWith("@")) {
        result.addAll(argFile(Path.of(token.substring(1))));
      } else {
        result.add(token);
      }
    }
    return result;
  }

  private static List<String> argFile(Path file) {
    try {
      List<String> options = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        int comment = line.indexOf('#');
        options.addAll(words(comment < 0 ? line : line.substring(0, comment)));
      }
      return options;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the JVM options file " + file, e);
    }
  }

  private static List<String> words(String text) {
    return Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }
}
