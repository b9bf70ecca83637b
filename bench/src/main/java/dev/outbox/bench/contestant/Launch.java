package dev.outbox.bench.contestant;

import dev.outbox.bench.ListSettings;
import dev.outbox.config.ConfigReader;
import dev.outbox.config.Role;
import dev.outbox.config.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How the harness launches its child JVMs: the relay and the notifier as the README runs them
 * ({@code java <options> -jar app/target/outbox.jar relay}), the poller on the harness's own class
 * path, Debezium Server from its distribution.
 *
 * @param javaBin the java of the relay, notifier and poller JVMs
 * @param outboxJar the shaded application jar (scripts/bench builds it)
 * @param relayJavaOpts the relay JVM's options; scripts/bench passes the shipped ones ({@code
 *     @docker/relay-jvm.options}) unless told otherwise
 * @param relayEnv extra relay variables, e.g. "CDC_POLL_INTERVAL=1ms"
 * @param debeziumHome the unpacked debezium-server-dist (for debezium-*)
 */
public record Launch(
    String javaBin,
    Path outboxJar,
    String relayJavaOpts,
    Map<String, String> relayEnv,
    String pollerJavaOpts,
    Path debeziumHome,
    String debeziumJava,
    String debeziumJavaOpts) {

  static final Setting<String> JAVA =
      Setting.text("BENCH_JAVA")
          .withDescription("java of the relay, notifier and poller JVMs (default: the harness's)")
          .readBy(Role.BENCH);

  static final Setting<Path> OUTBOX_JAR =
      Setting.custom("BENCH_OUTBOX_JAR", text -> Path.of(text).toAbsolutePath())
          .withDefault("app/target/outbox.jar")
          .withDescription("the application jar the relay and the notifier run from")
          .readBy(Role.BENCH);

  static final Setting<String> RELAY_JAVA_OPTS = javaOpts("BENCH_RELAY_JAVA_OPTS", "relay");

  static final Setting<Map<String, String>> RELAY_ENV =
      ListSettings.pairs("BENCH_RELAY_ENV")
          .withDescription("extra relay variables, K=V,K2=V2")
          .readBy(Role.BENCH);

  static final Setting<String> POLLER_JAVA_OPTS = javaOpts("BENCH_POLLER_JAVA_OPTS", "poller");

  static final Setting<Path> DEBEZIUM_HOME =
      Setting.custom("BENCH_DEBEZIUM_HOME", Path::of)
          .withDescription("the unpacked debezium-server-dist (scripts/bench fetches it)")
          .readBy(Role.BENCH);

  static final Setting<String> DEBEZIUM_JAVA =
      Setting.text("BENCH_DEBEZIUM_JAVA")
          .withDefault("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java")
          .withDescription("java of Debezium Server (21+)")
          .readBy(Role.BENCH);

  static final Setting<String> DEBEZIUM_JAVA_OPTS =
      javaOpts("BENCH_DEBEZIUM_JAVA_OPTS", "Debezium Server");

  /** Reads the launch settings; the jar and Debezium's home are required by who needs them. */
  public static Launch read(ConfigReader config, List<String> contestants) {
    boolean needsDebezium = contestants.stream().anyMatch(c -> c.startsWith("debezium"));
    Path jar = config.get(OUTBOX_JAR);
    config.check(
        !contestants.contains("relay") || Files.isRegularFile(jar), missingJar(jar) + " for relay");
    return new Launch(
        config.optional(JAVA).orElseGet(Launch::harnessJava),
        jar,
        config.optional(RELAY_JAVA_OPTS).orElse(""),
        config.optional(RELAY_ENV).orElse(Map.of()),
        config.optional(POLLER_JAVA_OPTS).orElse(""),
        needsDebezium
            ? config.required(
                DEBEZIUM_HOME, "for the debezium-* contestants (scripts/bench sets it)")
            : Path.of("."),
        config.get(DEBEZIUM_JAVA),
        config.optional(DEBEZIUM_JAVA_OPTS).orElse(""));
  }

  /** Why {@code jar} cannot be launched, naming the variable and how to build it. */
  public static String missingJar(Path jar) {
    return OUTBOX_JAR.name()
        + " names "
        + jar
        + ", which does not exist (scripts/bench builds it; ./mvnw -pl app -am package)";
  }

  private static Setting<String> javaOpts(String name, String jvm) {
    return Setting.text(name)
        .withDescription("the " + jvm + " JVM's options, @file expanded (default: none)")
        .readBy(Role.BENCH);
  }

  private static String harnessJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
