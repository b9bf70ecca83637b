package dev.outbox.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The command line scripts/chaos passes: {@code --short|--medium|--long --jar <outbox.jar> --pg-bin
 * <dir with initdb and pg_ctl> --out <run directory> [--relay-jvm-options <file>]}.
 */
record ChaosOptions(
    ChaosPlan plan, Path jar, Path pgBin, Path out, Optional<Path> relayJvmOptions) {

  static final String USAGE =
      "usage: outbox-chaos --short|--medium|--long --jar <outbox.jar> --pg-bin <dir> --out <dir>"
          + " [--relay-jvm-options <file>]";

  static ChaosOptions parse(List<String> args) {
    ChaosPlan plan = null;
    Path jar = null;
    Path pgBin = null;
    Path out = null;
    Path relayOptions = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--short" -> plan = ChaosPlan.shortRun();
        case "--long" -> plan = ChaosPlan.longRun();
        case "--medium" -> plan = ChaosPlan.mediumRun();
        case "--jar" -> jar = Path.of(value(args, ++i, arg));
        case "--pg-bin" -> pgBin = Path.of(value(args, ++i, arg));
        case "--out" -> out = Path.of(value(args, ++i, arg));
        case "--relay-jvm-options" -> relayOptions = Path.of(value(args, ++i, arg));
        default -> throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    if (plan == null || jar == null || pgBin == null || out == null) {
      throw new IllegalArgumentException("missing arguments");
    }
    if (!Files.isRegularFile(jar) || !Files.isExecutable(pgBin.resolve("initdb"))) {
      throw new IllegalArgumentException("no " + jar + " or no " + pgBin.resolve("initdb"));
    }
    return new ChaosOptions(plan, jar, pgBin, out, Optional.ofNullable(relayOptions));
  }

  private static String value(List<String> args, int i, String name) {
    if (i >= args.size()) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args.get(i);
  }

  /** JVM options per role: small heaps and C1 for all, the relay's own file for relays. */
  List<String> jvmOptions(String role) {
    if (role.equals("relay") && relayJvmOptions.isPresent()) {
      return List.of("@" + relayJvmOptions.get().toAbsolutePath());
    }
    return List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
  }
}
