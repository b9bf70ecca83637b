package dev.outbox.bench.contestant;

import java.util.Arrays;
import java.util.List;

/** Splits a JAVA_OPTS-style string on blanks (no quoting: the bench's options need none). */
final class JavaOpts {

  private JavaOpts() {}

  static List<String> split(String opts) {
    return Arrays.stream(opts.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }
}
